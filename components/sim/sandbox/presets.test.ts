import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "@/lib/sim";
import { configToYaml } from "./config";
import { controlsExpress } from "./load-scenario";
import { PRESETS } from "./presets";

describe("sandbox presets", () => {
  it("have unique ids", () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))(
    "%s shows the verdict and rules it promises",
    (_id, preset) => {
      const parsed = parseScenario(configToYaml(preset.config));
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
      expect(controlsExpress(parsed.scenario, preset.config)).toBe(true);
      const result = runScenario(parsed.scenario);
      expect(result.verdict.status).toBe(preset.expect.verdict);
      const ids = result.rules.map((r) => r.id);
      const denied = result.rules.filter((r) => r.outcome === "denied").map((r) => r.id);
      for (const id of preset.expect.rules ?? []) expect(ids).toContain(id);
      for (const id of preset.expect.denied ?? []) expect(denied).toContain(id);
    },
  );

  it("include the 300-task service the view must draw smoothly", () => {
    const big = PRESETS.find((p) => p.id === "big-service");
    expect(big?.config.desiredCount).toBe(300);
  });
});
