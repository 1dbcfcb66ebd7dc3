import { describe, expect, it } from "vitest";
import { countTasks, outcomes, simulate } from "../testing";

describe("R28 EBS volumes need an ECS infrastructure role", () => {
  const scenario = (config: string, roles = "") => `${roles}
taskDefinition:
  family: db
  cpu: 256
  memory: 512
  volumes: [{ name: data, configuredAtLaunch: true }]
service: { name: db, volumeConfigurations: [${config}] }`;

  it("with AmazonECSInfrastructureRolePolicyForVolumes the volume is created", () => {
    const r = simulate(scenario("{ name: data, roleArn: ecsInfrastructureRole }"));
    expect(r.finalState.volumes[0]).toMatchObject({ type: "ebs", taskId: "t-1" });
    expect(r.finalState.roleCalls.find((c) => c.via === "infrastructureRole")?.allowed).toBe(true);
    expect(outcomes(r, "R28")).toEqual(["allowed"]);
  });

  it("no roleArn: CreateService is refused", () => {
    const r = simulate(scenario("{ name: data }"));
    expect(r.verdict.summary).toContain("needs an infrastructure role (roleArn)");
    expect(outcomes(r, "R28")).toEqual(["denied"]);
  });

  it("a role without EC2 volume permissions fails the attachment", () => {
    const r = simulate(scenario("{ name: data, roleArn: weak }", "roles: { weak: [s3:GetObject] }"));
    expect(countTasks(r, "STOPPED")).toBe(1);
    expect(r.finalState.volumes[0]?.mounts[0]?.status).toBe("failed");
  });
});

describe("R29 EFS IAM authorization uses the task role and needs transit encryption", () => {
  const scenario = (volume: string, td = "", roles = "") => `${roles}
taskDefinition:
  family: app
  cpu: 256
  memory: 512
  ${td}
  volumes: [{ name: shared, type: efs, ${volume} }]
  containers: [{ mountPoints: [{ sourceVolume: shared }] }]
service: { name: app }`;

  it("IAM authorization without transit encryption is refused", () => {
    const r = simulate(scenario("iamAuthorization: ENABLED"));
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(outcomes(r, "R29")).toEqual(["denied"]);
  });

  it("with TLS and a task role allowing ClientMount the mount succeeds", () => {
    const r = simulate(
      scenario(
        "iamAuthorization: ENABLED, transitEncryption: ENABLED",
        "taskRoleArn: app",
        "roles: { app: [AmazonElasticFileSystemClientReadWriteAccess] }",
      ),
    );
    expect(r.finalState.volumes[0]?.mounts[0]?.status).toBe("ok");
    expect(r.finalState.roleCalls.find((c) => c.service === "EFS")).toMatchObject({
      via: "taskRole",
      allowed: true,
    });
    expect(outcomes(r, "R29")).toEqual(["allowed"]);
  });

  it("without a task role the mount fails", () => {
    const r = simulate(scenario("iamAuthorization: ENABLED, transitEncryption: ENABLED"));
    expect(r.finalState.volumes[0]?.mounts[0]).toMatchObject({ status: "failed" });
    expect(r.verdict.summary).toContain("mounts with the task role, and the task has none");
  });
});

describe("R28 the infrastructure role's trust: clear messages for a wrong principal", () => {
  const scenario = (roles: string) => `${roles}
taskDefinition: { cpu: 256, memory: 512, volumes: [{ name: d, configuredAtLaunch: true }] }
service: { volumeConfigurations: [{ name: d, roleArn: r }] }`;
  it.each([
    {
      title: "trusts ecs-tasks.amazonaws.com instead of ecs.amazonaws.com",
      roles:
        "roles: { r: { allow: [AmazonECSInfrastructureRolePolicyForVolumes], trust: ecs-tasks.amazonaws.com } }",
      text: "the infrastructure role r trusts ecs-tasks.amazonaws.com, not ecs.amazonaws.com, so ECS cannot assume it",
      absent: "AmazonECSInfrastructureRolePolicyForVolumes",
    },
    {
      title: "right trust, missing permissions",
      roles: "roles: { r: { allow: [s3:GetObject], trust: ecs.amazonaws.com } }",
      text: "the infrastructure role r does not allow ec2:CreateVolume (attach AmazonECSInfrastructureRolePolicyForVolumes)",
      absent: "lacks",
    },
  ])("R28: $title", ({ roles, text, absent }) => {
    const r = simulate(scenario(roles));
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain(text);
    expect(r.verdict.summary).not.toContain(absent);
    expect(r.verdict.summary).not.toMatch(/role (\S+) lacks role \1/);
    expect(outcomes(r, "R28")).toContain("denied");
  });
});

describe("R29 EFS access points need transit encryption too", () => {
  it.each([
    { volume: "accessPointId: fsap-1", ok: false },
    { volume: "accessPointId: fsap-1, transitEncryption: ENABLED", ok: true },
    { volume: "iamAuthorization: ENABLED", ok: false },
  ])("R29: $volume", ({ volume, ok }) => {
    const r = simulate(`taskDefinition:
  cpu: 256
  memory: 512
  volumes: [{ name: s, type: efs, fileSystemId: fs-1, ${volume} }]`);
    if (ok) expect(outcomes(r, "R29")).not.toContain("denied");
    else {
      expect(r.verdict.summary).toContain("requires transit encryption");
      expect(outcomes(r, "R29")).toEqual(["denied"]);
    }
  });
});
