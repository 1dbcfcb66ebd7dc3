import { isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Scenario, SimError } from "../model";
import { normalize } from "./normalize";
import { nodeAt, positionOf } from "./positions";
import { scenarioSchema } from "./schema";
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
    return fail(1, 1, `The scenario could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function fail(line: number, column: number, message: string, hint?: string): ParseResult {
  return {
    ok: false,
    errors: [hint === undefined ? { line, column, message } : { line, column, message, hint }],
  };
}

function parseUnsafe(text: string): ParseResult {
  if (typeof text !== "string") return fail(1, 1, "A scenario is text");
  if (new TextEncoder().encode(text).length > MAX_SCENARIO_BYTES) {
    return fail(1, 1, `The scenario is larger than ${MAX_SCENARIO_BYTES / 1024} KB`);
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
        return { line: at.line, column: at.col, message: `YAML: ${e.message.split(" at line")[0]}` };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return fail(1, 1, `The scenario uses too many YAML aliases (at most ${MAX_ALIASES})`);
  }
  if (value === null || value === undefined) return fail(1, 1, "The scenario is empty");
  if (typeof value !== "object" || Array.isArray(value)) {
    return fail(1, 1, "A scenario is a YAML map of keys such as cluster, instances, taskDefinition, service");
  }
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => issueToErrors(issue, doc, counter));
    return { ok: false, errors: sortErrors(errors) };
  }
  const { scenario, issues } = normalize(parsed.data);
  if (issues.length) {
    const errors = issues.map((i) => {
      const p = positionOf(nodeAt(doc, i.path), counter);
      const e: SimError = { line: p.line, column: p.column, message: i.message };
      if (i.hint) e.hint = i.hint;
      return e;
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
      const e: SimError = {
        line: p.line,
        column: p.column,
        message: `Unknown key "${key}"${where ? ` in ${where}` : ""}`,
      };
      const hint =
        key === "deleteOnTermination" && issue.path.includes("volumeConfigurations")
          ? "A service's EBS volumes are always deleted when its tasks stop: ServiceManagedEBSVolumeConfiguration has no termination policy. Only a standalone task (runTask volumeConfigurations) can set deleteOnTermination: false."
          : didYouMean(key, known);
      if (hint) e.hint = hint;
      return e;
    });
  }
  const node = nodeAt(doc, issue.path);
  const p = positionOf(node, counter);
  const message = issue.message.replace(/^Invalid input: /, "");
  const e: SimError = { line: p.line, column: p.column, message: where ? `${where}: ${message}` : message };
  if (issue.code === "invalid_value" && isScalar(node) && typeof node.value === "string") {
    const hint = didYouMean(node.value, issue.values.map(String));
    if (hint) e.hint = hint;
  }
  return [e];
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
