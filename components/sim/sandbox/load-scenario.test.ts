import { describe, expect, it } from "vitest";
import { english } from "@/lib/sim/text";
import { configToYaml, DEFAULT_CONFIG } from "./config";
import { startFromParam, startFromYaml } from "./load-scenario";
import { encodeScenarioParam } from "./scenario-url";

describe("startFromParam", () => {
  it("starts from the default controls without a parameter", () => {
    expect(startFromParam(undefined)).toEqual({ config: DEFAULT_CONFIG, asWritten: null, error: null });
    expect(startFromParam("")).toEqual({ config: DEFAULT_CONFIG, asWritten: null, error: null });
  });

  it("restores controls from a link the sandbox wrote", () => {
    const config = { ...DEFAULT_CONFIG, loadBalancer: "CLB" as const, desiredCount: 7 };
    const start = startFromParam(encodeScenarioParam(configToYaml(config)));
    expect(start).toEqual({ config, asWritten: null, error: null });
  });

  it("uses the first value when the parameter is repeated", () => {
    const config = { ...DEFAULT_CONFIG, desiredCount: 3 };
    expect(startFromParam([encodeScenarioParam(configToYaml(config)), "junk"]).config).toEqual(config);
  });

  it("reports a parameter that is not base64url and falls back to the default", () => {
    const start = startFromParam("%%% not a scenario");
    expect(start.config).toEqual(DEFAULT_CONFIG);
    expect(start.asWritten).toBeNull();
    expect(english(start.error?.message ?? "")).toMatch(/not valid base64url.*default scenario/);
  });

  it("reports an invalid scenario with its line-numbered errors", () => {
    const start = startFromParam(encodeScenarioParam("taskDefinition: { cpu: 256, memmory: 512 }\n"));
    expect(start.config).toEqual(DEFAULT_CONFIG);
    expect(english(start.error?.message ?? "")).toMatch(/not valid/);
    expect(start.error?.details[0]).toMatchObject({ line: 1, message: expect.stringMatching(/memmory/) });
  });
});

describe("startFromYaml", () => {
  it("keeps a scenario the controls cannot express as written, with the nearest controls", () => {
    const yaml = `instances:\n  - { id: big, type: m5.xlarge }\n  - { id: small, type: t3.medium }\ntaskDefinition: { containers: [{ memory: 1024 }] }\nservice: { desiredCount: 3 }\n`;
    const start = startFromYaml(yaml);
    expect(start.asWritten).toBe(yaml);
    expect(start.error).toBeNull();
    expect(start.config).toMatchObject({ launchType: "EC2", instanceCount: 2, desiredCount: 3 });
  });

  it("reads a hand-written scenario into controls when they express it exactly", () => {
    const start = startFromYaml(
      "launchType: FARGATE\ntaskDefinition: { family: web, cpu: 512, memory: 1024, containers: [{ name: app, portMappings: [80] }] }\nservice: { name: web, desiredCount: 4 }\n",
    );
    expect(start.asWritten).toBeNull();
    expect(start.config).toMatchObject({
      launchType: "FARGATE",
      taskCpu: 512,
      taskMemory: 1024,
      desiredCount: 4,
      loadBalancer: "none",
    });
  });
});
