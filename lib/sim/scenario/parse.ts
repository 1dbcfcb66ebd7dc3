import { isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Scenario, SimError } from "../model";
import { english, isMsg, type Msg, m } from "../text";
import { normalize } from "./normalize";
import { nodeAt, positionOf } from "./positions";
import { CAPACITY_PROVIDER_ERROR, scenarioSchema } from "./schema";
import { didYouMean } from "./suggest";

/** Scenarios are small; these caps keep a hostile paste from costing the browser. */
export const MAX_SCENARIO_BYTES = 64 * 1024;
const MAX_ALIASES = 100;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: SimError[] };

/**
 * Parses a scenario written in YAML. Never throws: bad YAML, wrong types,
 * unknown keys and dangling references come back as errors with 1-based
 * line and column.
 *
 * @example
 * const r = parseScenario("service: { desiredCount: 2 }\ntaskDefinition: { cpu: 256, memory: 512 }");
 * if (r.ok) runScenario(r.scenario);
 */
export function parseScenario(yamlText: string): ParseResult {
  try {
    return parseUnsafe(yamlText);
  } catch (e) {
    return fail(1, 1, m("scenario.couldNotRead", { detail: e instanceof Error ? e.message : String(e) }));
  }
}

// Errors name their keys at run time (here and in normalize-*.ts); the tests hold them to the catalogs.
// i18n-keys: sim.scenario.*

/**
 * An error with its English (`message`, `hint`) and its catalog keys (`msg`, `hintMsg`). The
 * English is `english(msg)`, or `msg.en` where it comes from elsewhere (zod, the YAML parser).
 */
function simError(line: number, column: number, msg: Msg, hint?: Msg): SimError {
  const e: SimError = { line, column, message: english(msg), msg };
  if (hint) {
    e.hint = english(hint);
    e.hintMsg = hint;
  }
  return e;
}

function fail(line: number, column: number, message: Msg, hint?: Msg): ParseResult {
  return { ok: false, errors: [simError(line, column, message, hint)] };
}

function parseUnsafe(text: string): ParseResult {
  if (typeof text !== "string") return fail(1, 1, m("scenario.notText"));
  if (new TextEncoder().encode(text).length > MAX_SCENARIO_BYTES) {
    return fail(1, 1, m("scenario.tooLarge", { kb: MAX_SCENARIO_BYTES / 1024 }));
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    keepSourceTokens: true,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const at = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
        // The YAML parser's own words stay English inside the message (they name YAML's terms).
        return simError(at.line, at.col, m("scenario.yaml", { detail: e.message.split(" at line")[0] }));
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return fail(1, 1, m("scenario.tooManyAliases", { max: MAX_ALIASES }));
  }
  if (value === null || value === undefined) return fail(1, 1, m("scenario.empty"));
  if (typeof value !== "object" || Array.isArray(value)) return fail(1, 1, m("scenario.notAMap"));
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => issueToErrors(issue, doc, counter));
    return { ok: false, errors: sortErrors(errors) };
  }
  const { scenario, issues } = normalize(parsed.data);
  if (issues.length) {
    const errors = issues.map((i) => {
      const p = positionOf(nodeAt(doc, i.path), counter);
      return simError(p.line, p.column, i.message, i.hint);
    });
    return { ok: false, errors: sortErrors(errors) };
  }
  return { ok: true, scenario };
}

function sortErrors(errors: SimError[]): SimError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = `${e.line}:${e.column}:${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `services[0].desiredCount`, for messages. */
function label(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (s, seg) => (typeof seg === "number" ? `${s}[${seg}]` : s ? `${s}.${String(seg)}` : String(seg)),
    "",
  );
}

function issueToErrors(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
): SimError[] {
  const where = label(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = keysAt(scenarioSchema, issue.path);
    return issue.keys.map((key) => {
      const p = positionOf(nodeAt(doc, issue.path, key), counter);
      const hint =
        key === "deleteOnTermination" && issue.path.includes("volumeConfigurations")
          ? m("scenario.ebsNoTermination")
          : didYouMean(key, known);
      return simError(
        p.line,
        p.column,
        where ? m("scenario.unknownKeyIn", { key, where }) : m("scenario.unknownKey", { key }),
        hint,
      );
    });
  }
  const node = nodeAt(doc, issue.path);
  const p = positionOf(node, counter);
  const message = issue.message.replace(/^Invalid input: /, "");
  // zod's English as it was always shown (the CLI keeps it byte for byte), with a key beside it.
  const msg: Msg = {
    ...zodMessage(issue, where ? `${where}: ` : "", message),
    en: where ? `${where}: ${message}` : message,
  };
  const hint =
    issue.code === "invalid_value" && isScalar(node) && typeof node.value === "string"
      ? didYouMean(node.value, issue.values.map(String))
      : undefined;
  return [simError(p.line, p.column, msg, hint)];
}

/** A zod issue as a `sim` catalog key; `at` is "path: " or "". */
function zodMessage(issue: z.core.$ZodIssue, at: string, detail: string): Msg {
  switch (issue.code) {
    case "invalid_type":
      return m("scenario.invalidType", { at, expected: issue.expected });
    case "too_small":
      return m("scenario.tooSmall", {
        at,
        origin: issue.origin,
        minimum: String(issue.minimum),
        inclusive: issue.inclusive === false ? "no" : "yes",
      });
    case "too_big":
      return m("scenario.tooBig", {
        at,
        origin: issue.origin,
        maximum: String(issue.maximum),
        inclusive: issue.inclusive === false ? "no" : "yes",
      });
    case "invalid_value":
      return m("scenario.invalidValue", {
        at,
        values: issue.values.map((v) => JSON.stringify(v)).join(", "),
      });
    case "custom": {
      const given = issue.params?.msg;
      if (isMsg(given)) return m(given.key, { at, ...given.params });
      break;
    }
    case "invalid_union":
      if (issue.message === CAPACITY_PROVIDER_ERROR) return m("scenario.capacityProvider", { at });
      break;
  }
  if (issue.message === CAPACITY_PROVIDER_ERROR) return m("scenario.capacityProvider", { at });
  // Any other check keeps its English detail inside the Korean frame.
  return m("scenario.otherField", { at, detail });
}

type Def = {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  valueType?: unknown;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  options?: unknown[];
};

const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** Strips optional/default/preprocess wrappers down to the schema that holds keys. */
function unwrap(s: unknown): unknown[] {
  const def = defOf(s);
  if (!def) return [];
  if (def.innerType !== undefined) return unwrap(def.innerType);
  if (def.type === "pipe") return [...unwrap(def.out), ...unwrap(def.in)];
  if (def.type === "union") return (def.options ?? []).flatMap(unwrap);
  return [s];
}

/** The keys an object schema accepts at a path, for "did you mean" hints. */
function keysAt(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  let current = unwrap(schema);
  for (const seg of path) {
    current = current.flatMap((s) => {
      const def = defOf(s);
      if (def?.type === "object" && typeof seg === "string" && def.shape) return unwrap(def.shape[seg]);
      if (def?.type === "array" && typeof seg === "number") return unwrap(def.element);
      if (def?.type === "record") return unwrap(def.valueType);
      return [];
    });
  }
  return [...new Set(current.flatMap((s) => Object.keys(defOf(s)?.shape ?? {})))];
}
