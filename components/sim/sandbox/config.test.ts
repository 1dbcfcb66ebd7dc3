import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "@/lib/sim";
import {
  APP_CALLS,
  configToYaml,
  DEFAULT_CONFIG,
  FARGATE_CPU,
  INSTANCE_TYPE_NAMES,
  LIMITS,
  LOAD_BALANCERS,
  NETWORK_MODES,
  PERMISSIONS,
  PLACEMENT_STRATEGIES,
  PLATFORM_VERSIONS,
  type SandboxConfig,
  sanitizeConfig,
  TARGET_TYPES,
  TASK_MEMORY,
  VOLUME_KINDS,
} from "./config";
import { configFromScenario } from "./config-from-scenario";

function parse(config: SandboxConfig) {
  const parsed = parseScenario(configToYaml(config));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("; "));
  return parsed.scenario;
}

/** Any combination of the controls (memberOf from a few valid queries). */
const configs: fc.Arbitrary<SandboxConfig> = fc.record({
  launchType: fc.constantFrom("EC2" as const, "FARGATE" as const),
  networkMode: fc.constantFrom(...NETWORK_MODES),
  instanceCount: fc.integer({ min: 0, max: 6 }),
  instanceType: fc.constantFrom(...INSTANCE_TYPE_NAMES),
  instanceProfile: fc.boolean(),
  blockImds: fc.boolean(),
  taskCpu: fc.option(fc.constantFrom(...FARGATE_CPU), { nil: null }),
  taskMemory: fc.option(fc.constantFrom(...TASK_MEMORY), { nil: null }),
  desiredCount: fc.integer({ min: 0, max: 8 }),
  placementStrategy: fc.constantFrom(...PLACEMENT_STRATEGIES),
  distinctInstance: fc.boolean(),
  memberOf: fc.constantFrom(
    "",
    "attribute:ecs.instance-type =~ t3.*",
    "attribute:ecs.availability-zone == us-east-1a",
  ),
  loadBalancer: fc.constantFrom(...LOAD_BALANCERS),
  targetType: fc.constantFrom(...TARGET_TYPES),
  staticHostPort: fc.boolean(),
  platformVersion: fc.constantFrom(...PLATFORM_VERSIONS),
  volumes: fc.subarray([...VOLUME_KINDS]),
  privateImage: fc.boolean(),
  secret: fc.boolean(),
  awslogs: fc.boolean(),
  taskRole: fc.boolean(),
  taskRolePermissions: fc.subarray([...PERMISSIONS]),
  executionRole: fc.boolean(),
  executionRolePermissions: fc.subarray([...PERMISSIONS]),
  call: fc.constantFrom(...APP_CALLS),
});

describe("configToYaml", () => {
  it("writes the default controls as a short, valid scenario that works", () => {
    const yaml = configToYaml(DEFAULT_CONFIG);
    expect(yaml).toContain("launchType: FARGATE");
    expect(yaml).toContain("appRole: [s3:PutObject]");
    expect(yaml).toContain("- call: {action: s3:PutObject, from: web/app}");
    const result = runScenario(parse(DEFAULT_CONFIG));
    expect(result.verdict.status).toBe("ok");
  });

  it("maps each control to the scenario field it stands for", () => {
    const s = parse({
      ...DEFAULT_CONFIG,
      launchType: "EC2",
      instanceCount: 3,
      instanceType: "t3.large",
      instanceProfile: false,
      networkMode: "bridge",
      staticHostPort: true,
      placementStrategy: "binpack:memory",
      distinctInstance: true,
      memberOf: "attribute:ecs.instance-type =~ t3.*",
      loadBalancer: "CLB",
      volumes: ["ebs", "s3"],
      secret: true,
    });
    expect(s.instances).toHaveLength(3);
    expect(s.instances.every((i) => i.type === "t3.large" && i.instanceProfile === null)).toBe(true);
    const td = s.taskDefinitions[0];
    expect(td?.networkMode).toBe("bridge");
    expect(td?.containers[0]?.portMappings).toEqual([{ containerPort: 80, hostPort: 80, protocol: "tcp" }]);
    expect(td?.volumes.map((v) => v.type)).toEqual(["ebs", "s3"]);
    expect(td?.containers[0]?.secrets).toHaveLength(1);
    const svc = s.services[0];
    expect(svc?.placementStrategy).toEqual([{ type: "binpack", field: "memory" }]);
    expect(svc?.placementConstraints).toEqual([
      { type: "distinctInstance" },
      { type: "memberOf", expression: "attribute:ecs.instance-type =~ t3.*" },
    ]);
    expect(svc?.loadBalancers[0]?.type).toBe("CLB");
    expect(svc?.volumeConfigurations[0]?.role).toBe("ecsInfrastructureRole");
  });

  it("leaves out instances on Fargate and roles that are switched off", () => {
    const s = parse({ ...DEFAULT_CONFIG, instanceCount: 4, taskRole: false, executionRole: false });
    expect(s.instances).toEqual([]);
    expect(s.taskDefinitions[0]?.taskRole).toBeNull();
    expect(s.taskDefinitions[0]?.executionRole).toBeNull();
  });

  it("always writes a valid scenario, and reading it back gives the same controls", () => {
    fc.assert(
      fc.property(configs, (raw) => {
        const config = sanitizeConfig(raw);
        const scenario = parse(config);
        const again = configFromScenario(scenario);
        expect(configToYaml(again)).toBe(configToYaml(config));
      }),
      { numRuns: 150 },
    );
  });
});

describe("sanitizeConfig", () => {
  it("clamps counts and drops unknown values", () => {
    const c = sanitizeConfig({
      ...DEFAULT_CONFIG,
      instanceCount: 900,
      desiredCount: -4,
      instanceType: "z9.huge",
      volumes: ["s3", "nope" as never, "host"],
    });
    expect(c.instanceCount).toBe(LIMITS.instanceCount);
    expect(c.desiredCount).toBe(0);
    expect(c.instanceType).toBe(DEFAULT_CONFIG.instanceType);
    expect(c.volumes).toEqual(["host", "s3"]);
  });
});
