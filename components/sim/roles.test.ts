import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "@/lib/sim";
import { english } from "@/lib/sim/text";
import { reachesService, roleRows } from "./roles";

function scenarioAndCalls(yaml: string) {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return { scenario: parsed.scenario, calls: runScenario(parsed.scenario).finalState.roleCalls };
}

describe("reachesService", () => {
  it("matches a service by its action prefix and by wildcards", () => {
    expect(reachesService(["s3:GetObject"], "s3")).toBe(true);
    expect(reachesService(["s3:GetObject"], "dynamodb")).toBe(false);
    expect(reachesService(["*"], "ssm")).toBe(true);
    expect(reachesService(["secrets*:Get*"], "secretsmanager")).toBe(true);
    expect(reachesService(["S3:*"], "s3")).toBe(true);
  });
});

describe("roleRows", () => {
  const { scenario, calls } = scenarioAndCalls(`
roles:
  execRole: [AmazonECSTaskExecutionRolePolicy, s3:PutObject]
  appRole: [dynamodb:GetItem]
taskDefinition:
  family: uploader
  cpu: 256
  memory: 512
  taskRoleArn: appRole
  executionRoleArn: execRole
  containers: [{ image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/uploader:1, logConfiguration: awslogs }]
service: { name: uploader }
steps: [{ call: { action: s3:PutObject, from: uploader/app } }]
`);
  const rows = roleRows(scenario, calls);
  const app = rows.find((r) => r.name === "appRole");
  const exec = rows.find((r) => r.name === "execRole");

  it("says where each role is used, once", () => {
    expect(app?.uses.map(english)).toEqual(["task role of uploader"]);
    expect(exec?.uses.map(english)).toEqual(["execution role of uploader"]);
  });

  it("draws the denied call from the task role, with its rule, before anything else", () => {
    expect(app?.links[0]).toEqual({
      service: "S3",
      kind: "denied",
      actions: ["s3:PutObject"],
      calls: 1,
      ruleIds: ["R25"],
    });
    expect(app?.links[1]).toMatchObject({
      service: "DynamoDB",
      kind: "can-reach",
      actions: ["dynamodb:GetItem"],
    });
  });

  it("draws the execution role's allowed calls and what else it could reach", () => {
    const kinds = Object.fromEntries((exec?.links ?? []).map((l) => [l.service, l.kind]));
    expect(kinds).toEqual({ ECR: "allowed", "CloudWatch Logs": "allowed", S3: "can-reach" });
  });

  it("adds principals met only in calls, such as the service-linked role", () => {
    expect(rows.map((r) => r.name)).toContain("AWSServiceRoleForECS");
  });
});
