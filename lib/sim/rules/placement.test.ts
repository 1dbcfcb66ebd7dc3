import { describe, expect, it } from "vitest";
import { countTasks, outcomes, simulate, tasksPerAz, tasksPerInstance } from "../testing";

const threeSizes = `
instances:
  - { id: big, type: m5.xlarge, az: us-east-1a }
  - { id: medium, type: m5.large, az: us-east-1b }
  - { id: small, type: t3.medium, az: us-east-1a }
`;

describe("R03 placement: resources, then constraints, then strategy", () => {
  it.each([
    { title: "a task that fits runs", memory: 4096, running: 1, reason: null },
    {
      title: "memory: nothing has 8192 MiB free",
      memory: 9000,
      running: 0,
      reason: "no instance has 9000 MiB of free memory",
    },
  ])("$title", ({ memory, running, reason }) => {
    const r = simulate(`instances: [{ type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: ${memory} }] }
service: { name: app }`);
    expect(countTasks(r, "RUNNING")).toBe(running);
    if (reason) {
      expect(countTasks(r, "PENDING")).toBe(1);
      expect(r.finalState.tasks[0]?.failureReason).toBe(`${reason} (R03)`);
      expect(outcomes(r, "R03")).toEqual(["denied"]);
    } else expect(outcomes(r, "R03")).toEqual(["applied"]);
  });

  it("CPU is checked before memory", () => {
    const r = simulate(`instances: [{ type: m5.large }]
taskDefinition: { family: app, containers: [{ cpu: 4096, memory: 16384 }] }
service: { name: app }`);
    expect(r.finalState.tasks[0]?.failureReason).toBe("no instance has 4096 CPU units free (R03)");
  });

  it("a constraint eliminates instances only after resources did (the reason names the constraint)", () => {
    const r = simulate(`instances: [{ type: m5.large }, { type: t3.small }]
taskDefinition: { family: app, containers: [{ memory: 4096 }] }
service: { name: app, placementConstraints: ["memberOf:attribute:ecs.instance-type == t3.small"] }`);
    expect(r.finalState.tasks[0]?.failureReason).toContain(
      "memberOf(attribute:ecs.instance-type == t3.small) (R11)",
    );
  });

  it("4 desired where only 3 fit: partial, one task PENDING", () => {
    const r = simulate(`instances: [{ type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 2560 }] }
service: { name: app, desiredCount: 4 }`);
    expect(r.verdict.status).toBe("partial");
    expect(r.verdict.summary).toBe(
      "3 of 4 tasks running. Task t-4 stays PENDING: no instance has 2560 MiB of free memory (R03)",
    );
  });
});

describe("R07 binpack picks the instance with the least of the resource left", () => {
  const scenario = (strategy: string, memory = 1024, desired = 2) => `${threeSizes}
taskDefinition: { family: app, containers: [{ memory: ${memory}, cpu: 64 }] }
service: { name: app, desiredCount: ${desired}, placementStrategy: [${strategy}] }`;

  it("binpack(memory) fills the smallest instance that fits", () => {
    const r = simulate(scenario("binpack:memory"));
    expect(tasksPerInstance(r)).toEqual({ big: 0, medium: 0, small: 2 });
    expect(outcomes(r, "R07")).toEqual(["applied"]);
    expect(r.rules.find((x) => x.id === "R07")?.detail).toContain("on small");
  });

  it("contrast: spread(instanceId) uses different instances for the same tasks", () => {
    const r = simulate(scenario("spread:instanceId"));
    expect(Math.max(...Object.values(tasksPerInstance(r)))).toBe(1);
    expect(outcomes(r, "R07")).toEqual([]);
  });

  it("binpack skips an instance that would not fit the task", () => {
    const r = simulate(scenario("binpack:memory", 6144, 1));
    expect(tasksPerInstance(r)).toEqual({ big: 0, medium: 1, small: 0 });
  });

  it("binpack(cpu) packs by CPU units left", () => {
    const r = simulate(`instances: [{ id: c4, type: c5.xlarge }, { id: c2, type: c5.large }]
taskDefinition: { family: app, containers: [{ memory: 128, cpu: 512 }] }
service: { name: app, desiredCount: 5, placementStrategy: [binpack:cpu] }`);
    expect(tasksPerInstance(r)).toEqual({ c4: 1, c2: 4 });
  });
});

describe("R08 spread balances tasks over a field; random uses none", () => {
  it("spread(instanceId) evens tasks over instances", () => {
    const r = simulate(`instances: [{ count: 3, type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 6, placementStrategy: [spread:instanceId] }`);
    expect(tasksPerInstance(r)).toEqual({ "i-1": 2, "i-2": 2, "i-3": 2 });
    expect(outcomes(r, "R08")).toEqual(["applied"]);
  });

  it("spread over an AZ attribute balances AZs, not instances", () => {
    const r = simulate(`instances:
  - { count: 2, type: m5.large, az: us-east-1a }
  - { id: lonely, type: m5.large, az: us-east-1b }
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 4, placementStrategy: ["spread:attribute:ecs.availability-zone"] }`);
    expect(tasksPerAz(r)).toEqual({ "us-east-1a": 2, "us-east-1b": 2 });
    expect(tasksPerInstance(r).lonely).toBe(2);
  });

  it("spread over a custom attribute", () => {
    const r = simulate(`instances:
  - { count: 3, type: m5.large, attributes: { rack: r1 } }
  - { id: r2-host, type: m5.large, attributes: { rack: r2 } }
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 4, placementStrategy: ["spread:attribute:rack"] }`);
    expect(tasksPerInstance(r)["r2-host"]).toBe(2);
  });

  it("random depends only on the seed", () => {
    const yaml = `instances: [{ count: 4, type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 8, placementStrategy: [random] }`;
    const placements = (seed: number) => simulate(yaml, seed).finalState.tasks.map((t) => t.instanceId);
    expect(placements(3)).toEqual(placements(3));
    const seeds = [1, 2, 3, 4, 5].map((s) => placements(s).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(simulate(yaml).rules.find((x) => x.id === "R08")?.detail).toContain("no field is used");
  });
});

describe("R09 services spread across AZs by default; strategies are best effort", () => {
  it("no strategy: spread(attribute:ecs.availability-zone)", () => {
    const r = simulate(`instances:
  - { count: 3, type: m5.large, az: us-east-1a }
  - { type: m5.large, az: us-east-1b }
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 4 }`);
    expect(tasksPerAz(r)).toEqual({ "us-east-1a": 2, "us-east-1b": 2 });
    expect(r.finalState.services[0]?.placementStrategy).toEqual([
      { type: "spread", field: "attribute:ecs.availability-zone" },
    ]);
    expect(outcomes(r, "R09")).toEqual(["applied"]);
  });

  it("best effort: the AZ with no room is skipped and tasks still run", () => {
    const r = simulate(`instances:
  - { type: m5.large, az: us-east-1a }
  - { type: t3.micro, az: us-east-1b }
taskDefinition: { family: app, containers: [{ memory: 2048 }] }
service: { name: app, desiredCount: 3 }`);
    expect(countTasks(r, "RUNNING")).toBe(3);
    expect(tasksPerAz(r)).toEqual({ "us-east-1a": 3 });
    expect(r.rules.map((x) => x.detail).join()).toContain("Spread is best effort");
  });

  it("contrast: a constraint is binding and leaves tasks PENDING", () => {
    const r = simulate(`instances:
  - { type: m5.large, az: us-east-1a }
  - { type: t3.micro, az: us-east-1b }
taskDefinition: { family: app, containers: [{ memory: 2048 }] }
service: { name: app, desiredCount: 3, placementConstraints: ["memberOf:attribute:ecs.availability-zone == us-east-1b"] }`);
    expect(countTasks(r, "RUNNING")).toBe(0);
    expect(countTasks(r, "PENDING")).toBe(3);
    expect(r.verdict.status).toBe("error");
  });
});

describe("R10 distinctInstance puts each task of a group on its own instance", () => {
  const scenario = (constraint: string) => `instances: [{ count: 2, type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 3, placementStrategy: [binpack:memory] ${constraint} }`;

  it("3 tasks, 2 instances: the third stays PENDING", () => {
    const r = simulate(scenario(", placementConstraints: [distinctInstance]"));
    expect(Object.values(tasksPerInstance(r))).toEqual([1, 1]);
    expect(countTasks(r, "PENDING")).toBe(1);
    expect(r.finalState.tasks[2]?.failureReason).toContain("distinctInstance");
    expect(outcomes(r, "R10")).toEqual(["applied", "denied"]);
  });

  it("contrast: without it binpack stacks all three on one instance", () => {
    const r = simulate(scenario(""));
    expect(Object.values(tasksPerInstance(r)).sort()).toEqual([0, 3]);
  });

  it("is refused in a task definition", () => {
    const r = simulate(`instances: [{ type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 256 }], placementConstraints: [distinctInstance] }`);
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(outcomes(r, "R10")).toEqual(["denied"]);
  });

  it("can be set on UpdateService", () => {
    const r = simulate(`instances: [{ count: 2, type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 2, placementStrategy: [binpack:memory] }
steps:
  - createService: app
  - updateService: { service: app, placementConstraints: [distinctInstance], desiredCount: 4 }`);
    // The two tasks binpack stacked stay where they are; only the empty instance takes a new one.
    expect(countTasks(r, "RUNNING")).toBe(3);
    expect(countTasks(r, "PENDING")).toBe(1);
    expect(Object.values(tasksPerInstance(r)).sort()).toEqual([1, 2]);
    expect(r.rules.find((x) => x.id === "R10" && x.detail.includes("UpdateService"))).toBeDefined();
  });
});

describe("R11 memberOf keeps only instances matching a cluster query", () => {
  const cluster = `instances:
  - { count: 2, type: t3.large }
  - { count: 2, type: m5.large }`;

  it("attribute:ecs.instance-type =~ t3.* places only on t3 instances", () => {
    const r = simulate(`${cluster}
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 4, placementConstraints: ["memberOf:attribute:ecs.instance-type =~ t3.*"] }`);
    const types = r.finalState.tasks.map(
      (t) => r.finalState.instances.find((i) => i.id === t.instanceId)?.type,
    );
    expect(types).toEqual(["t3.large", "t3.large", "t3.large", "t3.large"]);
    expect(outcomes(r, "R11")).toEqual(["applied"]);
  });

  it("contrast: without it the m5 instances are used too", () => {
    const r = simulate(`${cluster}
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 4, placementStrategy: [spread:instanceId] }`);
    expect(new Set(r.finalState.tasks.map((t) => t.instanceId)).size).toBe(4);
  });

  it("is allowed in a task definition", () => {
    const r = simulate(`${cluster}
taskDefinition:
  family: app
  containers: [{ memory: 256 }]
  placementConstraints: ["memberOf:attribute:ecs.instance-type in [m5.large]"]
service: { name: app, desiredCount: 2 }`);
    expect(outcomes(r, "R11")).toEqual(["allowed", "applied"]);
    expect(r.finalState.tasks.every((t) => ["i-3", "i-4"].includes(t.instanceId ?? ""))).toBe(true);
  });

  it("a malformed expression is refused", () => {
    const r = simulate(`${cluster}
taskDefinition: { family: app, containers: [{ memory: 256 }] }
service: { name: app, placementConstraints: ["memberOf:attribute:ecs.instance-type =~"] }`);
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R11")).toEqual(["denied"]);
  });
});

describe("R13 scale-in chooses the task to stop by strategy", () => {
  it("binpack(memory): stops the task whose instance then has the most memory free", () => {
    const r = simulate(`instances: [{ id: a, type: m5.large }, { id: b, type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 3072 }] }
service: { name: app, desiredCount: 3, placementStrategy: [binpack:memory] }
steps:
  - scale: 2`);
    // One instance holds two tasks (2048 MiB left), the other one (5120 left):
    // stopping the lone task leaves 8192 MiB free, the most possible.
    expect(Object.values(tasksPerInstance(r)).sort()).toEqual([0, 2]);
    expect(r.rules.find((x) => x.id === "R13")?.detail).toContain("then has the most memory free (8192)");
  });

  it("contrast: AZ spread stops a task in the AZ with the most tasks", () => {
    const r = simulate(`instances:
  - { id: a1, type: m5.large, az: us-east-1a }
  - { id: a2, type: m5.large, az: us-east-1a }
  - { id: b1, type: m5.large, az: us-east-1b }
taskDefinition: { family: app, containers: [{ memory: 512 }] }
service: { name: app, desiredCount: 5, placementStrategy: ["spread:attribute:ecs.availability-zone", spread:instanceId] }
steps:
  - scale: 4`);
    expect(tasksPerAz(r)).toEqual({ "us-east-1a": 2, "us-east-1b": 2 });
    expect(r.rules.find((x) => x.id === "R13")?.detail).toContain("which had the most tasks (3)");
  });

  it("Fargate scale-in keeps AZs balanced", () => {
    const r = simulate(`taskDefinition: { family: app, cpu: 256, memory: 512 }
service: { name: app, desiredCount: 5 }
steps:
  - scale: 2`);
    expect(tasksPerAz(r)).toEqual({ "us-east-1a": 1, "us-east-1b": 1 });
    expect(countTasks(r, "STOPPED")).toBe(3);
  });
});

describe("R10 R11 the blamed constraint does not depend on the order constraints are written in", () => {
  const scenario = (constraints: string) => `
instances: [{ count: 3, type: c5.large }, { count: 2, type: m5.large }]
taskDefinition: { containers: [{ memory: 256 }] }
service: { name: app, desiredCount: 4, placementConstraints: ${constraints} }`;
  const distinct = "distinctInstance";
  const c5 = '"memberOf:attribute:ecs.instance-type =~ c5.*"';
  it.each([
    { rule: "R10", order: "distinctInstance first", constraints: `[${distinct}, ${c5}]` },
    { rule: "R10", order: "memberOf first", constraints: `[${c5}, ${distinct}]` },
  ])("$rule is blamed first, R11 also reported: $order", ({ rule, constraints }) => {
    const r = simulate(scenario(constraints));
    expect(countTasks(r, "PENDING")).toBe(1);
    expect(r.verdict.summary).toContain(`(${rule})`);
    expect(r.verdict.summary).toContain("3 instances that fit already run a task of service:app");
    expect(r.verdict.summary).toContain("excludes 2 instances that fit");
    expect(outcomes(r, "R10")).toContain("denied");
    expect(outcomes(r, "R11")).toContain("denied");
  });
});
