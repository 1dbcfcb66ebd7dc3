import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flatten } from "@/lib/i18n/catalog-tools";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { extractSimBlocks, parseScenario, RULES, runScenario } from "@/lib/sim";
import { english, isMsg, type Msg, type MsgParam } from "./text";

// The simulator speaks through the `sim` catalog: every key the engine can name must have its
// English and Korean text, the English text must be exactly what the CLI printed before, and no
// engine key may sit in the catalog unused.

type Tree = { [key: string]: string | Tree };
const en = new Map(flatten(CATALOGS.en.sim as unknown as Tree));
const ko = new Map(flatten(CATALOGS.ko.sim as unknown as Tree));
const root = path.resolve(__dirname, "../..");

function engineSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return engineSources(file);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [file] : [];
  });
}

const sourceKeys = new Set(
  engineSources(path.join(root, "lib/sim")).flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/"(engine\.[\w.]+)"/g)].map((match) => match[1] as string),
  ),
);

/** Every key inside a message, its parameters' messages included. */
function keysOf(msg: Msg): string[] {
  const nested = Object.values(msg.params ?? {}).filter((p: MsgParam): p is Msg => isMsg(p));
  return [msg.key, ...nested.flatMap(keysOf)];
}

describe("the simulator's message keys", () => {
  it("finds the engine's keys in its source", () => {
    expect(sourceKeys.size).toBeGreaterThan(250);
  });

  it("has English and Korean text for every key the engine names", () => {
    const missing = [...sourceKeys].filter((key) => !en.has(key) || !ko.has(key));
    expect(missing).toEqual([]);
  });

  it("has no engine key in the catalog that the engine never names", () => {
    const unused = [...en.keys()].filter((key) => key.startsWith("engine.") && !sourceKeys.has(key));
    expect(unused).toEqual([]);
  });

  it("gives every rule an English title equal to the engine's and a Korean one", () => {
    for (const rule of Object.values(RULES)) {
      expect(en.get(`rules.${rule.id}.title`), rule.id).toBe(rule.title);
      expect(ko.get(`rules.${rule.id}.title`), rule.id).toMatch(/[가-힣]/);
    }
  });
});

const examples = fs
  .readdirSync(path.join(root, "docs/simulator-examples"))
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => ({ name, yaml: fs.readFileSync(path.join(root, "docs/simulator-examples", name), "utf8") }));
const bankBlocks = fs
  .readdirSync(path.join(root, "content/ecs"))
  .filter((name) => name.endsWith(".md") && !name.endsWith(".ko.md"))
  .flatMap((name) =>
    extractSimBlocks(fs.readFileSync(path.join(root, "content/ecs", name), "utf8")).map((block) => ({
      name: `${name}:${block.line}`,
      yaml: block.text,
    })),
  );

describe("every verdict, rule detail and event of the shipped scenarios", () => {
  it.each([...examples, ...bankBlocks])("$name carries keys whose English is the text", ({ yaml }) => {
    const parsed = parseScenario(yaml);
    if (!parsed.ok) return; // the invalid example shows parse errors, not engine words
    const result = runScenario(parsed.scenario, { seed: 1, today: new Date("2026-12-06") });
    const said: Array<[string, Msg | undefined]> = [
      [result.verdict.summary, result.verdict.summaryMsg],
      ...result.rules.map((r): [string, Msg | undefined] => [r.detail, r.detailMsg]),
      ...result.events.map((e): [string, Msg | undefined] => [e.message, e.msg]),
    ];
    for (const [text, msg] of said) {
      expect(msg, text).toBeDefined();
      if (!msg) continue;
      expect(english(msg)).toBe(text);
      expect(keysOf(msg).filter((key) => !ko.has(key))).toEqual([]);
    }
  });
});
