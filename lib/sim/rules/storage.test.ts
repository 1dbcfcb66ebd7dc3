import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario/parse";
import { countTasks, outcomes, simulate } from "../testing";

const fargate = (volumes: string, service = "service: { name: app, desiredCount: 2 }", td = "") => `
taskDefinition:
  family: app
  requiresCompatibilities: [FARGATE]
  cpu: 256
  memory: 512
  ${td}
  volumes: ${volumes}
  containers: [{ mountPoints: [{ sourceVolume: data, containerPath: /data }] }]
${service}`;

const ec2 = (volumes: string, instance = "{ type: m5.large }", td = "") => `
instances: [${instance}]
taskDefinition:
  family: app
  ${td}
  volumes: ${volumes}
  containers: [{ memory: 256, mountPoints: [{ sourceVolume: data, containerPath: /data }] }]
service: { name: app }`;

describe("R37 EFS: EC2 and Fargate 1.4.0+, Linux only, shared", () => {
  it("two Fargate tasks in two AZs share one EFS file system", () => {
    const r = simulate(fargate("[{ name: data, type: efs, fileSystemId: fs-1 }]"));
    expect(r.finalState.volumes).toHaveLength(1);
    expect(r.finalState.volumes[0]?.mounts.map((m) => m.status)).toEqual(["ok", "ok"]);
    expect(new Set(r.finalState.tasks.map((t) => t.az)).size).toBe(2);
    expect(outcomes(r, "R37")).toEqual(["allowed"]);
  });

  it("Fargate platform version 1.3.0 was refused before its retirement (2026-01-15)", () => {
    const r = simulate(
      `date: 2026-01-15\n${fargate("[{ name: data, type: efs }]", 'service: { name: app, platformVersion: "1.3.0" }')}`,
    );
    expect(r.verdict.summary).toContain("needs Fargate platform version 1.4.0");
    expect(outcomes(r, "R37")).toEqual(["denied"]);
  });

  it("EFS on EC2 works", () => {
    expect(simulate(ec2("[{ name: data, type: efs }]")).verdict.status).toBe("ok");
  });

  it("Windows task definitions cannot use EFS", () => {
    const r = simulate(ec2("[{ name: data, type: efs }]", "{ type: m5.large, os: windows }", "os: windows"));
    expect(outcomes(r, "R37")).toEqual(["denied"]);
  });
});

describe("R38 FSx for Windows File Server: Windows tasks on EC2 only", () => {
  it("a domain-joined Windows instance mounts it", () => {
    const r = simulate(
      ec2(
        "[{ name: data, type: fsxWindows }]",
        "{ type: m5.large, os: windows, domainJoined: true }",
        "os: windows",
      ),
    );
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R38")).toEqual(["allowed"]);
  });

  it("an instance that is not domain-joined fails the mount", () => {
    const r = simulate(
      ec2("[{ name: data, type: fsxWindows }]", "{ type: m5.large, os: windows }", "os: windows"),
    );
    expect(countTasks(r, "STOPPED")).toBe(1);
    expect(r.verdict.summary).toContain("domain-joined");
  });

  it.each([
    { title: "on Fargate", yaml: fargate("[{ name: data, type: fsxWindows }]", "", "os: windows") },
    { title: "for a Linux task", yaml: ec2("[{ name: data, type: fsxWindows }]") },
  ])("refused $title", ({ yaml }) => {
    const r = simulate(yaml);
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(outcomes(r, "R38")).toEqual(["denied"]);
  });
});

describe("R39 no volume type for S3 or FSx for Lustre", () => {
  it.each([
    { type: "s3", text: "no S3 volume type" },
    { type: "fsxLustre", text: "no FSx for Lustre volume type" },
  ])("a $type volume is refused", ({ type, text }) => {
    const r = simulate(fargate(`[{ name: data, type: ${type} }]`));
    expect(r.verdict.summary).toContain(text);
    expect(outcomes(r, "R39")).toEqual(["denied"]);
  });

  it("contrast: an EFS volume registers", () => {
    const r = simulate(fargate("[{ name: data, type: efs }]"));
    expect(r.finalState.taskDefinitions[0]?.status).toBe("ACTIVE");
  });
});

describe("R40 bind mounts live with the task; Fargate gives 20–200 GiB", () => {
  it("a Fargate bind mount is ephemeral storage", () => {
    const r = simulate(fargate("[{ name: data }]"));
    expect(r.finalState.volumes[0]?.type).toBe("host");
    expect(r.rules.find((x) => x.id === "R40")?.detail).toContain("ephemeral storage (20 GiB)");
  });

  it("an EC2 sourcePath keeps data on the instance", () => {
    const r = simulate(ec2("[{ name: data, sourcePath: /ecs/data }]"));
    expect(r.rules.find((x) => x.id === "R40")?.detail).toContain("/ecs/data on i-1");
  });

  it("a Fargate bind mount with a sourcePath is refused", () => {
    const r = simulate(fargate("[{ name: data, type: host, sourcePath: /data }]"));
    expect(outcomes(r, "R40")).toEqual(["denied"]);
  });

  it.each([
    { size: 100, ok: true },
    { size: 200, ok: true },
    { size: 201, ok: false },
    { size: 20, ok: false },
  ])("ephemeralStorage $size GiB → accepted: $ok", ({ size, ok }) => {
    const r = simulate(fargate("[{ name: data }]", "", `ephemeralStorage: ${size}`));
    expect(r.finalState.taskDefinitions[0]?.status).toBe(ok ? "ACTIVE" : "REJECTED");
  });
});

describe("R41 Docker volumes: EC2 only, Windows local driver", () => {
  it("a Docker volume works on EC2", () => {
    const r = simulate(ec2("[{ name: data, type: docker, scope: shared }]"));
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R41")).toEqual(["applied"]);
  });

  it.each([
    { title: "on Fargate", yaml: fargate("[{ name: data, type: docker }]") },
    {
      title: "a non-local driver on Windows",
      yaml: ec2(
        "[{ name: data, type: docker, driver: rexray/ebs }]",
        "{ type: m5.large, os: windows }",
        "os: windows",
      ),
    },
  ])("refused $title", ({ yaml }) => {
    const r = simulate(yaml);
    expect(outcomes(r, "R41")).toEqual(["denied"]);
  });
});

describe("R42 EBS: one volume per task, configured at launch, REPLICA only", () => {
  const ebs = (service: string, td = "") =>
    fargate(
      "[{ name: data, configuredAtLaunch: true }]",
      `service:\n  name: app\n  desiredCount: 2\n  ${service}`,
      td,
    );
  const config = "volumeConfigurations: [{ name: data, roleArn: ecsInfrastructureRole, sizeGiB: 30 }]";

  it("each task gets its own volume in its own AZ", () => {
    const r = simulate(ebs(config));
    const vols = r.finalState.volumes;
    expect(vols.map((v) => v.taskId)).toEqual(["t-1", "t-2"]);
    expect(new Set(vols.map((v) => v.id)).size).toBe(2);
    expect(vols.map((v) => v.az)).toEqual(r.finalState.tasks.map((t) => t.az));
    expect(vols[0]?.source).toBe("30 GiB gp3");
    expect(r.rules.find((x) => x.id === "R42")?.detail).toContain("is deleted when the task stops");
  });

  it("contrast: a standalone task's volume can persist", () => {
    const r = simulate(`${fargate("[{ name: data, configuredAtLaunch: true }]", "")}
steps:
  - runTask: { volumeConfigurations: [{ name: data, roleArn: ecsInfrastructureRole, deleteOnTermination: false }] }`);
    expect(r.rules.find((x) => x.id === "R42")?.detail).toContain("persists after the task stops");
  });

  it.each([
    { title: "no volumeConfigurations at launch", service: "", text: "must supply its volumeConfigurations" },
    { title: "a DAEMON service", service: `schedulingStrategy: DAEMON\n  ${config}`, text: "REPLICA only" },
  ])("refused: $title", ({ service, text }) => {
    const yaml = service.includes("DAEMON")
      ? `instances: [{ type: m5.large }]\n${ebs(service).replace("[FARGATE]", "[EC2]")}`
      : ebs(service);
    const r = simulate(yaml);
    expect(r.verdict.summary).toContain(text);
    expect(outcomes(r, "R42")).toEqual(["denied"]);
  });

  it("refused: two configuredAtLaunch volumes", () => {
    const r = simulate(fargate("[{ name: data, configuredAtLaunch: true }, { name: more, type: ebs }]"));
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(outcomes(r, "R42")).toEqual(["denied"]);
  });

  it("refused: Windows on Fargate; accepted: Windows on EC2", () => {
    const win = ebs(config, "os: windows").replace("cpu: 256\n  memory: 512", "cpu: 1024\n  memory: 2048");
    expect(outcomes(simulate(win), "R42")).toEqual(["denied"]);
    const r = simulate(`instances: [{ type: m5.large, os: windows }]
taskDefinition:
  family: app
  os: windows
  volumes: [{ name: data, configuredAtLaunch: true }]
  containers: [{ memory: 512, mountPoints: [{ sourceVolume: data }] }]
service: { name: app, ${config} }`);
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R42")).toEqual(["applied"]);
  });
});

describe("R42 service volumeConfigurations have no deleteOnTermination", () => {
  const td = "taskDefinition: { cpu: 256, memory: 512, volumes: [{ name: d, configuredAtLaunch: true }] }";
  const cfg = "{ name: d, roleArn: ecsInfrastructureRole, deleteOnTermination: false }";
  it.each([
    { title: "service", yaml: `${td}\nservice: { volumeConfigurations: [${cfg}] }`, ok: false },
    {
      title: "updateService",
      yaml: `${td}\nservice: { name: app, volumeConfigurations: [{ name: d, roleArn: ecsInfrastructureRole }] }\nsteps: [{ createService: app }, { updateService: { service: app, volumeConfigurations: [${cfg}] } }]`,
      ok: false,
    },
    { title: "runTask", yaml: `${td}\nsteps: [{ runTask: { volumeConfigurations: [${cfg}] } }]`, ok: true },
  ])("R42: deleteOnTermination in $title", ({ yaml, ok }) => {
    const parsed = parseScenario(yaml);
    expect(parsed.ok).toBe(ok);
    if (!parsed.ok) {
      expect(parsed.errors[0]?.message).toContain('Unknown key "deleteOnTermination"');
      expect(parsed.errors[0]?.hint).toContain(
        "ServiceManagedEBSVolumeConfiguration has no termination policy",
      );
    }
  });
});
