import { describe, expect, it } from "vitest";
import { outcomes, simulate } from "../testing";

describe("R25 application calls use the task role, never the execution role", () => {
  const scenario = (td: string, roles: string, action = "s3:PutObject") => `
roles: ${roles}
taskDefinition:
  family: app
  cpu: 256
  memory: 512
  ${td}
service: { name: app }
steps: [{ call: { action: ${action}, from: app } }]`;

  it("the task role allows the call", () => {
    const r = simulate(scenario("taskRoleArn: app", "{ app: [s3:PutObject] }"));
    expect(r.verdict.status).toBe("ok");
    expect(r.finalState.roleCalls.at(-1)).toMatchObject({
      principal: "app",
      via: "taskRole",
      service: "S3",
      allowed: true,
    });
    expect(outcomes(r, "R25")).toEqual(["allowed"]);
  });

  it("only the execution role allows it: denied, and the result says why", () => {
    const r = simulate(
      scenario(
        "taskRoleArn: app\n  executionRoleArn: exec",
        "{ app: [dynamodb:GetItem], exec: [AmazonECSTaskExecutionRolePolicy, s3:PutObject] }",
      ),
    );
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain("its credentials go to the ECS agent only");
    expect(outcomes(r, "R25")).toEqual(["denied"]);
  });

  it("no task role on Fargate: no credentials at all", () => {
    const r = simulate(scenario("executionRoleArn: exec", "{ exec: [s3:*] }"));
    expect(r.finalState.roleCalls.at(-1)).toMatchObject({ principal: "(none)", via: "none", allowed: false });
    expect(r.verdict.summary).toContain("Fargate tasks have no EC2 instance metadata");
  });

  it("a task role that does not trust ecs-tasks.amazonaws.com cannot be assumed", () => {
    const r = simulate(
      scenario("taskRoleArn: app", "{ app: { allow: [s3:PutObject], trust: ec2.amazonaws.com } }"),
    );
    expect(r.verdict.summary).toContain("trusts ec2.amazonaws.com, not ecs-tasks.amazonaws.com");
  });

  it("DynamoDB calls go the same way", () => {
    const r = simulate(scenario("taskRoleArn: app", "{ app: [dynamodb:*] }", "dynamodb:PutItem"));
    expect(r.finalState.roleCalls.at(-1)).toMatchObject({ service: "DynamoDB", allowed: true });
  });
});

describe("R26 EC2 containers reach the instance role through IMDS unless blocked", () => {
  const scenario = (instance: string, td: string, step = "call: { action: s3:GetObject }") => `
roles: { wide: [AmazonEC2ContainerServiceforEC2Role, s3:GetObject], narrow: [dynamodb:GetItem] }
instances: [{ type: m5.large, instanceProfile: wide, ${instance} }]
taskDefinition:
  family: app
  ${td}
  containers: [{ memory: 256 }]
service: { name: app }
steps: [{ ${step} }]`;

  it("bridge task without a task role borrows the instance role", () => {
    const r = simulate(scenario("", ""));
    expect(r.finalState.roleCalls.at(-1)).toMatchObject({
      principal: "wide",
      via: "instanceProfile",
      allowed: true,
      ruleId: "R26",
    });
    expect(outcomes(r, "R26")).toEqual(["applied", "allowed"]);
  });

  it("an iptables rule blocks IMDS for bridge containers", () => {
    const r = simulate(scenario("iptablesBlockImds: true", ""));
    expect(r.finalState.roleCalls.at(-1)).toMatchObject({ via: "none", allowed: false });
    expect(r.verdict.status).toBe("error");
  });

  it("with a task role the SDK uses it first, even when the instance role would allow", () => {
    const r = simulate(scenario("", "taskRoleArn: narrow"));
    expect(r.finalState.roleCalls.at(-1)).toMatchObject({
      principal: "narrow",
      via: "taskRole",
      allowed: false,
    });
  });

  it.each([
    { flag: "false", reachable: true },
    { flag: "true", reachable: false },
  ])("awsvpc with ECS_AWSVPC_BLOCK_IMDS=$flag → IMDS reachable: $reachable", ({ flag, reachable }) => {
    const r = simulate(
      scenario(
        `agent: { ECS_AWSVPC_BLOCK_IMDS: ${flag} }`,
        "networkMode: awsvpc",
        "readInstanceMetadata: app",
      ),
    );
    expect(outcomes(r, "R26")).toEqual([reachable ? "applied" : "denied"]);
    expect(r.events.at(-1)?.message).toContain(
      reachable ? "got the credentials of wide" : "cannot reach 169.254.169.254",
    );
  });
});
