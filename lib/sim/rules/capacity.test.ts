import { describe, expect, it } from "vitest";
import { countTasks, outcomes, simulate } from "../testing";

const fargate = (td: string, service = "service: { name: app }", extra = "") => `
taskDefinition:
  family: app
  requiresCompatibilities: [FARGATE]
  ${td}
${service}
${extra}`;

describe("R19 a capacity provider strategy fills the base, then splits by weight", () => {
  const strategy = (items: string, desired = 10) =>
    fargate(
      "cpu: 256\n  memory: 512",
      `service:\n  name: app\n  desiredCount: ${desired}\n  capacityProviderStrategy: ${items}`,
    );

  it("base 2 on FARGATE, then 1:3 with FARGATE_SPOT", () => {
    const r = simulate(
      strategy("[{ provider: FARGATE, base: 2, weight: 1 }, { provider: FARGATE_SPOT, weight: 3 }]"),
    );
    const by = (p: string) => r.finalState.tasks.filter((t) => t.capacityProvider === p).length;
    expect([by("FARGATE"), by("FARGATE_SPOT")]).toEqual([4, 6]);
    expect(r.finalState.tasks.slice(0, 2).map((t) => t.capacityProvider)).toEqual(["FARGATE", "FARGATE"]);
  });

  it("contrast: without a base the same weights give 3:7 of ten rounded toward the first", () => {
    const r = simulate(
      strategy("[{ provider: FARGATE, weight: 1 }, { provider: FARGATE_SPOT, weight: 3 }]", 8),
    );
    const by = (p: string) => r.finalState.tasks.filter((t) => t.capacityProvider === p).length;
    expect([by("FARGATE"), by("FARGATE_SPOT")]).toEqual([2, 6]);
  });

  it.each([
    {
      title: "two providers with a base",
      items: "[{ provider: FARGATE, base: 1 }, { provider: FARGATE_SPOT, base: 1 }]",
      text: "Only one capacity provider",
    },
    {
      title: "a provider not associated with the cluster",
      items: "[{ provider: other }]",
      text: "not associated",
    },
    { title: "all weights 0", items: "[{ provider: FARGATE, weight: 0 }]", text: "weight above 0" },
  ])("refused: $title", ({ items, text }) => {
    const r = simulate(strategy(items));
    expect(r.verdict.summary).toContain(text);
    expect(outcomes(r, "R19")).toEqual(["denied"]);
  });

  it("refused: launchType and a strategy together", () => {
    const r = simulate(
      fargate(
        "cpu: 256\n  memory: 512",
        "service: { name: app, launchType: FARGATE, capacityProviderStrategy: [FARGATE] }",
      ),
    );
    expect(r.verdict.summary).toContain("cannot both be set");
  });

  it("refused: mixing Fargate and Auto Scaling group providers", () => {
    const r = simulate(`cluster: { capacityProviders: [FARGATE, { name: asg }] }
instances: [{ type: m5.large, capacityProvider: asg }]
taskDefinition: { family: app, requiresCompatibilities: [EC2, FARGATE], cpu: 256, memory: 512 }
service: { name: app, capacityProviderStrategy: [FARGATE, asg] }`);
    expect(r.verdict.summary).toContain("cannot mix Fargate and Auto Scaling group providers");
  });

  it("the cluster's default strategy applies when the service names neither", () => {
    const r = simulate(`cluster: { defaultStrategy: [FARGATE_SPOT] }
${fargate("cpu: 256\n  memory: 512", "service: { name: app, desiredCount: 2 }")}`);
    expect(r.finalState.tasks.map((t) => t.capacityProvider)).toEqual(["FARGATE_SPOT", "FARGATE_SPOT"]);
  });
});

describe("R20 Fargate Spot: two-minute warning, SIGTERM, no automatic fallback", () => {
  const spot = (
    td = "",
    service = "service: { name: app, desiredCount: 2, capacityProviderStrategy: [FARGATE_SPOT] }",
  ) =>
    fargate(
      // Windows on Fargate needs at least 1 vCPU (R15)
      `${td.includes("windows") ? "cpu: 1024\n  memory: 2048" : "cpu: 256\n  memory: 512"}\n  ${td}`,
      service,
      "steps: [{ spotInterruption: app }]",
    );

  it("a service replaces the reclaimed task, on Fargate Spot again", () => {
    const r = simulate(spot());
    const kinds = r.events.filter((e) => e.ruleId === "R20").map((e) => e.message);
    expect(kinds[0]).toContain("two-minute warning");
    expect(kinds[1]).toContain("SIGTERM");
    expect(countTasks(r, "STOPPED")).toBe(1);
    expect(countTasks(r, "RUNNING")).toBe(2);
    expect(r.finalState.tasks.at(-1)?.capacityProvider).toBe("FARGATE_SPOT");
    expect(r.verdict.status).toBe("ok");
  });

  it("contrast: a standalone Spot task is not replaced", () => {
    const r = simulate(
      fargate(
        "cpu: 256\n  memory: 512",
        "",
        "steps:\n  - runTask: { capacityProviderStrategy: [FARGATE_SPOT] }\n  - spotInterruption",
      ),
    );
    expect(countTasks(r, "RUNNING")).toBe(0);
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain("nothing replaces it (R20)");
  });

  it.each([
    { title: "stopTimeout above 120 s", td: "containers: [{ stopTimeout: 200 }]", text: "at most 120 s" },
    { title: "Windows on Spot", td: "os: windows", text: "does not run Windows" },
  ])("refused: $title", ({ td, text }) => {
    const r = simulate(spot(td));
    expect(r.verdict.summary).toContain(text);
    expect(outcomes(r, "R20")).toContain("denied");
  });

  it.each([
    { pv: "1.3.0", ok: false },
    { pv: "1.4.0", ok: true },
  ])("ARM64 on Spot needs platform version 1.4.0: $pv", ({ pv, ok }) => {
    const r = simulate(
      spot(
        "arch: arm64",
        `service: { name: app, platformVersion: "${pv}", capacityProviderStrategy: [FARGATE_SPOT] }`,
      ),
    );
    expect(r.verdict.status).toBe(ok ? "ok" : "error");
  });
});

describe("R21 Service Auto Scaling changes the desired count, never the instances", () => {
  const scaled = (policy: string, steps: string) =>
    fargate(
      "cpu: 256\n  memory: 512",
      `service:\n  name: app\n  desiredCount: 2\n  autoScaling: ${policy}`,
      `steps:\n${steps}`,
    );

  it("target tracking: CPU 90% against 45% doubles the tasks", () => {
    const r = simulate(scaled("{ metric: cpu, target: 45, min: 1, max: 10 }", "  - changeLoad: 90"));
    expect(r.finalState.services[0]?.desiredCount).toBe(4);
    expect(countTasks(r, "RUNNING")).toBe(4);
    expect(
      r.rules
        .filter((x) => x.id === "R21")
        .map((x) => x.detail)
        .join(),
    ).toContain("AWSServiceRoleForApplicationAutoScaling_ECSService");
  });

  it("max caps the scale-out", () => {
    const r = simulate(scaled("{ metric: cpu, target: 10, max: 5 }", "  - changeLoad: 90"));
    expect(r.finalState.services[0]?.desiredCount).toBe(5);
  });

  it("scale-in is paused during a deployment", () => {
    const r = simulate(scaled("{ target: 50 }", "  - changeLoad: { value: 10, duringDeployment: true }"));
    expect(r.finalState.services[0]?.desiredCount).toBe(2);
    expect(r.rules.some((x) => x.id === "R21" && x.detail.includes("paused"))).toBe(true);
  });

  it("contrast: the same low load scales in outside a deployment", () => {
    const r = simulate(scaled("{ target: 50 }", "  - changeLoad: 10"));
    expect(r.finalState.services[0]?.desiredCount).toBe(1);
  });

  it("step scaling adds one step", () => {
    const r = simulate(scaled("{ policy: step, target: 70, stepAdjustment: 3 }", "  - changeLoad: 80"));
    expect(r.finalState.services[0]?.desiredCount).toBe(5);
  });

  it("without a policy nothing changes", () => {
    const r = simulate(
      fargate(
        "cpu: 256\n  memory: 512",
        "service: { name: app, desiredCount: 2 }",
        "steps: [{ changeLoad: 99 }]",
      ),
    );
    expect(r.finalState.services[0]?.desiredCount).toBe(2);
  });

  it("on EC2 new tasks wait: auto scaling adds no instances", () => {
    const r = simulate(`instances: [{ type: t3.small }]
taskDefinition: { family: app, containers: [{ memory: 1024 }] }
service: { name: app, desiredCount: 2, autoScaling: { target: 25, max: 8 } }
steps: [{ changeLoad: 100 }]`);
    expect(r.finalState.services[0]?.desiredCount).toBe(8);
    expect(r.finalState.instances).toHaveLength(1);
    expect(countTasks(r, "PENDING")).toBe(6);
    expect(r.verdict.status).toBe("partial");
  });

  it("ALBRequestCountPerTarget needs an ALB", () => {
    const r = simulate(scaled("{ metric: requests, target: 100 }", "  - changeLoad: 200"));
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R21")).toEqual(["denied"]);
  });
});
