import { describe, expect, it } from "vitest";
import { runScenario } from "../run";
import { parseScenario } from "../scenario/parse";
import { countTasks, outcomes, simulate, tasksPerAz } from "../testing";
import { FARGATE_SIZES, fargateSizeError } from "./fargate";

const fargate = (td: string, service = "service: { name: app }", extra = "") => `
taskDefinition:
  family: app
  requiresCompatibilities: [FARGATE]
  ${td}
${service}
${extra}`;

describe("R15 Fargate needs a valid task CPU and memory pair", () => {
  it("the table has the documented number of memory sizes per CPU", () => {
    expect(FARGATE_SIZES.map((r) => [r.cpu, r.memory.length, r.memory[0], r.memory.at(-1)])).toEqual([
      [256, 3, 512, 2048],
      [512, 4, 1024, 4096],
      [1024, 7, 2048, 8192],
      [2048, 13, 4096, 16384],
      [4096, 23, 8192, 30720],
      [8192, 12, 16384, 61440],
      [16384, 12, 32768, 122880],
    ]);
  });

  it.each([
    [256, 512, true],
    [256, 2048, true],
    [256, 3072, false],
    [512, 1024, true],
    [512, 8192, false],
    [1024, 2048, true],
    [1024, 9216, false],
    [2048, 16384, true],
    [4096, 30720, true],
    [4096, 32768, false],
    [8192, 16384, true],
    [8192, 20480, true],
    [8192, 18432, false],
    [16384, 122880, true],
    [16384, 36864, false],
    [128, 512, false],
  ])("cpu %i with memory %i → valid: %s", (cpu, memory, valid) => {
    expect(fargateSizeError(cpu, memory) === null).toBe(valid);
    const r = simulate(fargate(`cpu: ${cpu}\n  memory: ${memory}`, ""));
    expect(r.finalState.taskDefinitions[0]?.status).toBe(valid ? "ACTIVE" : "REJECTED");
    expect(outcomes(r, "R15")).toEqual([valid ? "allowed" : "denied"]);
  });

  it("an invalid pair is refused with the API's message, not Terraform's", () => {
    const r = simulate(fargate("cpu: 512\n  memory: 8192", ""));
    expect(r.verdict.summary).toContain("Invalid 'cpu' setting for task (ClientException)");
    expect(r.verdict.summary).not.toContain("No Fargate configuration exists");
    const ok = simulate(fargate("cpu: 1024\n  memory: 8192", ""));
    expect(ok.finalState.taskDefinitions[0]?.status).toBe("ACTIVE");
  });

  it("task-level cpu and memory are required", () => {
    const r = simulate(fargate("containers: [{ cpu: 256, memory: 512 }]", ""));
    expect(r.verdict.summary).toContain("need task-level cpu and memory (R15)");
  });

  it.each([
    { pv: "1.3.0", ok: false },
    { pv: "1.4.0", ok: true },
    { pv: "LATEST", ok: true },
  ])("8 vCPU needs platform version 1.4.0 (as of 2026-01-15): $pv → $ok", ({ pv, ok }) => {
    const r = simulate(
      fargate(
        "cpu: 8 vCPU\n  memory: 16 GB",
        `service: { name: app, platformVersion: "${pv}" }`,
        "date: 2026-01-15",
      ),
    );
    expect(countTasks(r, "RUNNING")).toBe(ok ? 1 : 0);
    expect(outcomes(r, "R15")).toEqual(ok ? ["allowed"] : ["allowed", "denied"]);
  });
});

describe("R16 Fargate tasks use awsvpc in your subnets", () => {
  it("each task gets its own ENI and IP", () => {
    const r = simulate(fargate("cpu: 256\n  memory: 512", "service: { name: app, desiredCount: 3 }"));
    const enis = r.finalState.tasks.map((t) => t.eni);
    expect(new Set(enis).size).toBe(3);
    expect(r.finalState.tasks.every((t) => t.networkMode === "awsvpc" && t.ip?.startsWith("10.0."))).toBe(
      true,
    );
    expect(outcomes(r, "R16")).toEqual(["allowed"]);
  });

  it.each(["bridge", "host"])("a Fargate task definition with %s is refused", (mode) => {
    const r = simulate(fargate(`cpu: 256\n  memory: 512\n  networkMode: ${mode}`));
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(outcomes(r, "R16")).toEqual(["denied"]);
  });

  it("CreateService without subnets is refused", () => {
    const r = simulate(fargate("cpu: 256\n  memory: 512", "service: { name: app, subnets: [] }"));
    expect(r.verdict.summary).toContain("needs subnets");
    expect(outcomes(r, "R16")).toEqual(["allowed", "denied"]);
  });
});

describe("R17 Fargate takes no placement strategy or constraint", () => {
  it.each([
    { title: "strategy", service: "placementStrategy: [binpack:memory]" },
    { title: "constraint", service: "placementConstraints: [distinctInstance]" },
  ])("a $title on a Fargate service is refused", ({ service }) => {
    const r = simulate(fargate("cpu: 256\n  memory: 512", `service: { name: app, ${service} }`));
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R17")).toEqual(["denied"]);
  });

  it("contrast: Fargate balances AZs itself, FARGATE and FARGATE_SPOT apart", () => {
    const r = simulate(
      fargate(
        "cpu: 256\n  memory: 512",
        `service:
  name: app
  desiredCount: 4
  capacityProviderStrategy: [{ provider: FARGATE, weight: 1 }, { provider: FARGATE_SPOT, weight: 1 }]`,
      ),
    );
    expect(tasksPerAz(r)).toEqual({ "us-east-1a": 2, "us-east-1b": 2 });
    for (const provider of ["FARGATE", "FARGATE_SPOT"]) {
      const azs = r.finalState.tasks.filter((t) => t.capacityProvider === provider).map((t) => t.az);
      expect(new Set(azs).size).toBe(2);
    }
    expect(outcomes(r, "R17")).toEqual(["applied"]);
  });
});

describe("R18 on Fargate you scale by task count; each task is isolated", () => {
  it("Fargate: raising desiredCount is enough, no hosts are added", () => {
    const r = simulate(
      fargate("cpu: 256\n  memory: 512", "service: { name: app, desiredCount: 2 }", "steps: [{ scale: 20 }]"),
    );
    expect(countTasks(r, "RUNNING")).toBe(20);
    expect(r.finalState.instances).toHaveLength(0);
    expect(new Set(r.finalState.tasks.map((t) => t.eni)).size).toBe(20);
    expect(outcomes(r, "R18")).toEqual(["applied", "applied"]);
  });

  it("contrast: on EC2 the same scale-up runs out of hosts", () => {
    const r = simulate(`instances: [{ type: t3.small }]
taskDefinition: { family: app, containers: [{ memory: 512 }] }
service: { name: app, desiredCount: 2 }
steps: [{ scale: 20 }]`);
    expect(countTasks(r, "RUNNING")).toBe(4);
    expect(countTasks(r, "PENDING")).toBe(16);
    expect(r.finalState.tasks.filter((t) => t.instanceId === "i-1" && t.state === "RUNNING")).toHaveLength(4);
  });
});

describe("R15 Fargate task definition limits beyond the size table: GPUs and Windows sizes", () => {
  it.each([
    {
      title: "a GPU container on Fargate is refused",
      td: "cpu: 4096, memory: 16 GB, containers: [{ gpu: 1 }]",
      text: "Fargate does not support GPUs",
    },
    {
      title: "Windows below 1 vCPU is refused",
      td: "os: windows, cpu: 256, memory: 512",
      text: "below 1 vCPU",
    },
    {
      title: "Windows at 8 vCPU is refused (Linux only)",
      td: "os: windows, cpu: 8192, memory: 16 GB",
      text: "available to Linux tasks only",
    },
    { title: "Windows at 1 vCPU is accepted", td: "os: windows, cpu: 1024, memory: 2048", text: null },
    { title: "Linux at 0.25 vCPU is accepted", td: "cpu: 256, memory: 512", text: null },
  ])("R15: $title", ({ td, text }) => {
    const r = simulate(`taskDefinition: { ${td} }`);
    if (text === null) {
      expect(r.verdict.status).toBe("ok");
      expect(outcomes(r, "R15")).not.toContain("denied");
    } else {
      expect(r.verdict.summary).toContain("RegisterTaskDefinition app refused");
      expect(r.verdict.summary).toContain(text);
      expect(outcomes(r, "R15")).toContain("denied");
    }
  });
});

describe("R43 retired Fargate platform versions launch nothing after their retirement date", () => {
  const service = 'service: { name: app, platformVersion: "1.3.0" }';
  it.each([
    { date: "2026-03-15", region: "us-east-1", ok: true },
    { date: "2026-03-16", region: "us-east-1", ok: false },
    { date: "2026-12-06", region: "us-east-1", ok: false },
    { date: "2026-06-14", region: "cn-north-1", ok: true },
    { date: "2026-06-15", region: "cn-north-1", ok: false },
  ])("1.3.0 in $region on $date → launches: $ok", ({ date, region, ok }) => {
    const r = simulate(fargate("cpu: 256\n  memory: 512", service, `date: ${date}\nregion: ${region}`));
    expect(countTasks(r, "RUNNING")).toBe(ok ? 1 : 0);
    expect(outcomes(r, "R43")).toEqual([ok ? "allowed" : "denied"]);
    if (!ok) expect(r.verdict.summary).toContain("platform version 1.3.0 is retired");
  });

  it("without a date the caller's today decides, and the scenario's own date wins over it", () => {
    const yaml = fargate("cpu: 256\n  memory: 512", service);
    const parsed = parseScenario(yaml);
    if (!parsed.ok) throw new Error("scenario does not parse");
    expect(runScenario(parsed.scenario, { today: "2025-11-01" }).verdict.status).toBe("ok");
    expect(runScenario(parsed.scenario, { today: new Date("2026-04-01T12:00:00Z") }).verdict.status).toBe(
      "error",
    );
    const dated = parseScenario(`${yaml}\ndate: 2025-11-01`);
    if (!dated.ok) throw new Error("scenario does not parse");
    expect(runScenario(dated.scenario, { today: "2026-12-06" }).verdict.status).toBe("ok");
  });

  it("contrast: 1.4.0 and LATEST are not retired", () => {
    for (const pv of ["1.4.0", "LATEST"]) {
      const r = simulate(
        fargate("cpu: 256\n  memory: 512", `service: { name: app, platformVersion: "${pv}" }`),
      );
      expect(r.verdict.status).toBe("ok");
      expect(outcomes(r, "R43")).toEqual([]);
    }
  });

  it("the retirement is checked before what 1.3.0 could not do (EFS, UDP)", () => {
    const r = simulate(
      fargate(
        "cpu: 256\n  memory: 512\n  volumes: [{ name: d, type: efs }]\n  containers: [{ mountPoints: [{ sourceVolume: d, containerPath: /d }] }]",
        service,
        "date: 2026-12-06",
      ),
    );
    expect(outcomes(r, "R43")).toEqual(["denied"]);
    expect(outcomes(r, "R37")).toEqual([]);
  });

  it("a bad date is a scenario error", () => {
    const parsed = parseScenario("date: 2026-13-01\ntaskDefinition: { cpu: 256, memory: 512 }");
    expect(parsed.ok).toBe(false);
  });
});
