import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { RESERVED_PORTS } from "./engine/resources";
import type { SimResult } from "./model";
import { runScenario } from "./run";
import { parseScenario } from "./scenario/parse";
import { simulate } from "./testing";

const TYPES = ["t3.small", "t3.medium", "m5.large", "m5.xlarge", "c5.large", "r5.large"];
const STRATEGIES = [
  "binpack:memory",
  "binpack:cpu",
  "spread:instanceId",
  "spread:attribute:ecs.availability-zone",
  "random",
];

const portArb = fc.record({
  containerPort: fc.integer({ min: 8000, max: 8005 }),
  hostPort: fc.constantFrom<"dynamic" | "fixed" | "unset">("dynamic", "fixed", "unset"),
  protocol: fc.constantFrom("tcp", "udp"),
});

const scenarioArb = fc.record({
  instances: fc.array(
    fc.record({
      type: fc.constantFrom(...TYPES),
      az: fc.constantFrom("us-east-1a", "us-east-1b", "us-east-1c"),
      trunking: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  mode: fc.constantFrom("bridge", "host", "awsvpc"),
  containers: fc.array(
    fc.record({
      cpu: fc.integer({ min: 0, max: 8 }).map((n) => n * 128),
      memory: fc.integer({ min: 1, max: 32 }).map((n) => n * 128),
      ports: fc.array(portArb, { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  strategy: fc.subarray(STRATEGIES, { maxLength: 2 }),
  distinct: fc.boolean(),
  desired: fc.integer({ min: 0, max: 30 }),
  after: fc.constantFrom("none", "scaleDown", "scaleUp", "fail", "drain"),
  seed: fc.integer({ min: 1, max: 1000 }),
});

type Gen = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toYaml(g: Gen): string {
  const instances = g.instances
    .map((i) => `  - { type: ${i.type}, az: ${i.az}, trunking: ${i.trunking} }`)
    .join("\n");
  const containers = g.containers
    .map((c, ci) => {
      const ports = c.ports
        .filter(
          (p, pi) =>
            c.ports.findIndex((q) => q.containerPort === p.containerPort && q.protocol === p.protocol) === pi,
        )
        .map((p) => {
          const host =
            p.hostPort === "dynamic"
              ? ", hostPort: 0"
              : p.hostPort === "fixed"
                ? `, hostPort: ${p.containerPort + ci * 10}`
                : "";
          return `{ containerPort: ${p.containerPort + ci * 10}${g.mode === "bridge" ? host : ""}, protocol: ${p.protocol} }`;
        });
      return `    - { name: c${ci}, cpu: ${c.cpu}, memory: ${c.memory}, portMappings: [${ports.join(", ")}] }`;
    })
    .join("\n");
  const then: Record<Gen["after"], string | null> = {
    none: null,
    scaleDown: `scale: ${Math.floor(g.desired / 2)}`,
    scaleUp: `scale: ${g.desired + 10}`,
    fail: "failInstance: i-1",
    drain: "drainInstance: i-1",
  };
  const step = then[g.after];
  return `azs: [us-east-1a, us-east-1b, us-east-1c]
instances:
${instances}
taskDefinition:
  family: app
  networkMode: ${g.mode}
  containers:
${containers}
service:
  name: app
  desiredCount: ${g.desired}
  placementStrategy: [${g.strategy.map((s) => `"${s}"`).join(", ")}]
  placementConstraints: [${g.distinct ? "distinctInstance" : ""}]
${step ? `steps:\n  - createService: app\n  - ${step}` : ""}`;
}

function checkNoOvercommit(r: SimResult): void {
  const live = r.finalState.tasks.filter((t) => t.state !== "STOPPED" && t.instanceId);
  for (const inst of r.finalState.instances) {
    const mine = live.filter((t) => t.instanceId === inst.id);
    if (mine.length) expect(["ACTIVE", "DRAINING"]).toContain(inst.status);
    expect(inst.cpu.used).toBeLessThanOrEqual(inst.cpu.total);
    expect(inst.memory.used).toBeLessThanOrEqual(inst.memory.total);
    expect(inst.enis.used).toBeLessThanOrEqual(inst.enis.total);
    expect(inst.cpu.used).toBe(mine.reduce((s, t) => s + t.cpu, 0));
    expect(inst.memory.used).toBe(mine.reduce((s, t) => s + t.memory, 0));
    expect(inst.cpu.free).toBe(inst.cpu.total - inst.cpu.used);
    expect(inst.enis.used).toBe(mine.filter((t) => t.networkMode === "awsvpc").length);
    const ports = mine.flatMap((t) => t.hostPorts.map((p) => `${p.hostPort}/${p.protocol}`));
    expect(new Set(ports).size).toBe(ports.length);
    for (const p of ports) {
      expect(inst.ports).toContain(p);
      expect(RESERVED_PORTS.map((x) => `${x}/tcp`)).not.toContain(p);
    }
    expect(inst.ports.length).toBe(ports.length + RESERVED_PORTS.length);
  }
}

describe("placement properties", () => {
  it("never over-commits an instance's CPU, memory, ports or ENIs", () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const parsed = parseScenario(toYaml(g));
        if (!parsed.ok) throw new Error(`${toYaml(g)}\n${JSON.stringify(parsed.errors)}`);
        checkNoOvercommit(runScenario(parsed.scenario, { seed: g.seed }));
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it("same input and seed give a deep-equal result", () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const parsed = parseScenario(toYaml(g));
        if (!parsed.ok) return;
        const again = parseScenario(toYaml(g));
        expect(again).toEqual(parsed);
        expect(runScenario(parsed.scenario, { seed: g.seed })).toEqual(
          runScenario(parsed.scenario, { seed: g.seed }),
        );
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it("binpack fills identical instances one at a time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 16 }).map((n) => n * 256),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (instances, memory, desired, seed) => {
          const r = simulate(
            `instances: [{ count: ${instances}, type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: ${memory} }] }
service: { name: app, desiredCount: ${desired}, placementStrategy: [binpack:memory] }`,
            seed,
          );
          const perInstance = Math.floor(8192 / memory);
          const placed = Math.min(desired, perInstance * instances);
          const counts = r.finalState.instances.map((i) => i.taskIds.length).filter((n) => n > 0);
          expect(counts.length).toBe(Math.ceil(placed / perInstance));
          expect(counts.filter((n) => n < perInstance).length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: fuzzRuns(100) },
    );
  });

  it("spread keeps instances, and AZs, within one task of each other", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("spread:instanceId", "spread:attribute:ecs.availability-zone"),
        fc.integer({ min: 1, max: 100 }),
        (perAz, desired, strategy, seed) => {
          const r = simulate(
            `azs: [us-east-1a, us-east-1b, us-east-1c]
instances: [{ count: ${perAz * 3}, type: m5.xlarge }]
taskDefinition: { family: app, containers: [{ memory: 128 }] }
service: { name: app, desiredCount: ${desired}, placementStrategy: ["${strategy}"] }`,
            seed,
          );
          const field = strategy === "spread:instanceId" ? "instanceId" : "az";
          const keys =
            field === "az"
              ? ["us-east-1a", "us-east-1b", "us-east-1c"]
              : r.finalState.instances.map((i) => i.id);
          const counts = keys.map(
            (k) => r.finalState.tasks.filter((t) => (field === "az" ? t.az : t.instanceId) === k).length,
          );
          expect(counts.reduce((a, b) => a + b, 0)).toBe(desired);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: fuzzRuns(100) },
    );
  });
});
