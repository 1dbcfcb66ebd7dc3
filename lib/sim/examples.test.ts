import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkExpectation } from "./expect";
import { runScenario } from "./run";
import { parseScenario } from "./scenario/parse";

const DIR = join(__dirname, "../../docs/simulator-examples");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

describe("documented examples", () => {
  it("there are at least 8, each with an expect block", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)("%s matches its expect block and runs the same twice", (file) => {
    const parsed = parseScenario(readFileSync(join(DIR, file), "utf8"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.expect).not.toBeNull();
    const result = runScenario(parsed.scenario);
    expect(checkExpectation(parsed.scenario, result)).toEqual([]);
    expect(runScenario(parsed.scenario)).toEqual(result);
    expect(result.rules.every((r) => r.doc.startsWith("https://"))).toBe(true);
  });
});

describe("examples inside docs/simulator.md", () => {
  const doc = readFileSync(join(DIR, "../simulator.md"), "utf8");
  const blocks = [...doc.matchAll(/```(?:yaml|sim)\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? "")
    // Scenarios with an expect block; the format reference block that holds only `expect:` is not one.
    .filter((text) => text.includes("expect:") && !text.startsWith("expect:"));

  it("has short examples with expect blocks", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((text) => [text.split("\n")[0] ?? "", text]))("%s", (_title, text) => {
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(checkExpectation(parsed.scenario, runScenario(parsed.scenario))).toEqual([]);
  });
});

describe("checkExpectation", () => {
  it("lists every mismatch", () => {
    const parsed = parseScenario(`taskDefinition: { cpu: 256, memory: 512 }
service: { desiredCount: 2 }
expect: { verdict: error, rules: [R32], denied: [R16], tasks: { RUNNING: 1 } }`);
    if (!parsed.ok) throw new Error("invalid");
    expect(checkExpectation(parsed.scenario, runScenario(parsed.scenario))).toEqual([
      expect.stringMatching(/^Expected verdict error, got ok: 2 tasks RUNNING on Fargate/),
      expect.stringMatching(/^Expected rule R32 among the deciding rules \(got R16, R15/),
      "Expected rule R16 to deny something",
      "Expected 1 task(s) RUNNING, got 2",
    ]);
  });
});
