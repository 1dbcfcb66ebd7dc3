import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { MAX_SCENARIO_BYTES, parseScenario } from "./parse";

function errorsOf(text: string) {
  const r = parseScenario(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("parseScenario", () => {
  it("fills defaults for a minimal Fargate scenario", () => {
    const r = parseScenario("taskDefinition: { cpu: 256, memory: 512 }\nservice: { desiredCount: 2 }");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.cluster.name).toBe("default");
    expect(s.azs).toEqual(["us-east-1a", "us-east-1b"]);
    expect(s.subnets).toEqual([
      { id: "subnet-a", az: "us-east-1a" },
      { id: "subnet-b", az: "us-east-1b" },
    ]);
    expect(s.taskDefinitions[0]).toMatchObject({
      family: "app",
      requiresCompatibilities: ["FARGATE"],
      cpu: 256,
      memory: 512,
    });
    expect(s.taskDefinitions[0]?.containers[0]).toMatchObject({
      name: "app",
      image: "public.ecr.aws/nginx/nginx:latest",
    });
    expect(s.services[0]).toMatchObject({
      name: "app",
      taskDefinition: "app",
      launchType: "FARGATE",
      platformVersion: "LATEST",
    });
    expect(s.steps).toEqual([
      { op: "registerTaskDefinition", family: "app" },
      { op: "createService", service: "app" },
    ]);
  });

  it("defaults to EC2 when instances are listed, and names them i-1 …", () => {
    const r = parseScenario("instances: [{ count: 3 }]\ntaskDefinition: {}");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.instances.map((i) => [i.id, i.type, i.az, i.cpu, i.memory])).toEqual([
      ["i-1", "m5.large", "us-east-1a", 2048, 8192],
      ["i-2", "m5.large", "us-east-1b", 2048, 8192],
      ["i-3", "m5.large", "us-east-1a", 2048, 8192],
    ]);
    expect(r.scenario.taskDefinitions[0]?.requiresCompatibilities).toEqual(["EC2"]);
    expect(r.scenario.steps.map((s) => s.op)).toEqual(["registerTaskDefinition", "runTask"]);
  });

  it("expands shorthands: sizes, strategies, constraints, roles, ports, bare steps", () => {
    const r = parseScenario(`roles: { app: [AmazonS3ReadOnlyAccess, dynamodb:GetItem] }
taskDefinition:
  cpu: 0.5 vCPU
  memory: 1 GB
  taskRoleArn: arn:aws:iam::123456789012:role/app
  containers: [{ portMappings: [8080] }]
service: { placementStrategy: ["spread:attribute:ecs.availability-zone", binpack:cpu], placementConstraints: ["memberOf:attribute:x == y"] }
steps: [spotInterruption]`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = r.scenario;
    expect(s.taskDefinitions[0]).toMatchObject({ cpu: 512, memory: 1024, taskRole: "app" });
    expect(s.roles.app?.actions).toEqual(["s3:Get*", "s3:List*", "s3:Describe*", "dynamodb:GetItem"]);
    expect(s.taskDefinitions[0]?.containers[0]?.portMappings).toEqual([
      { containerPort: 8080, hostPort: null, protocol: "tcp" },
    ]);
    expect(s.services[0]?.placementStrategy).toEqual([
      { type: "spread", field: "attribute:ecs.availability-zone" },
      { type: "binpack", field: "cpu" },
    ]);
    expect(s.services[0]?.placementConstraints).toEqual([
      { type: "memberOf", expression: "attribute:x == y" },
    ]);
    expect(s.steps.at(-1)).toEqual({ op: "spotInterruption", target: null });
  });

  it("reports an unknown key at its position with a did-you-mean hint", () => {
    expect(errorsOf("service:\n  desiredcount: 2\n")).toMatchObject([
      {
        line: 2,
        column: 3,
        message: 'Unknown key "desiredcount" in service',
        hint: 'did you mean "desiredCount"?',
      },
    ]);
  });

  it("suggests the closest value of an enum", () => {
    const [e] = errorsOf("service:\n  loadBalancers: [{ type: ALb }]\n");
    expect(e).toMatchObject({ line: 2, column: 27, hint: 'did you mean "ALB"?' });
  });

  it("hints at keys inside volume variants and containers", () => {
    const errors = errorsOf(
      "taskDefinition:\n  volumes: [{ name: d, type: efs, fileSytemId: fs-1 }]\n  containers: [{ imag: x }]\n",
    );
    expect(errors.map((e) => [e.line, e.hint])).toEqual([
      [2, 'did you mean "fileSystemId"?'],
      [3, 'did you mean "image"?'],
    ]);
  });

  it("reports wrong types at the value", () => {
    const [e] = errorsOf("taskDefinition:\n  family: web\nservice:\n  desiredCount: many\n");
    expect(e).toMatchObject({ line: 4, column: 17 });
    expect(e?.message).toContain("service.desiredCount");
  });

  it("reports an unknown step with a hint", () => {
    const [e] = errorsOf("steps:\n  - sacle: 3\n");
    expect(e).toMatchObject({ line: 2, column: 5, hint: 'did you mean "scale"?' });
  });

  it("reports dangling references with hints", () => {
    const errors = errorsOf(`taskDefinition: { family: web }
services:
  - { name: api, taskDefinition: webb }
steps:
  - failInstance: i-9
  - call: { action: s3:GetObject, from: apx }
roles: { r: [AmazonECSTaskExecutionRolPolicy] }`);
    expect(errors.map((e) => [e.line, e.message, e.hint])).toEqual([
      [3, 'Task definition "webb" is not defined', 'did you mean "web"?'],
      [5, 'Instance "i-9" is not defined', undefined],
      [6, '"apx" is not a service, task definition or task id', 'did you mean "api"?'],
      [
        7,
        '"AmazonECSTaskExecutionRolPolicy" is neither an IAM action (service:Action) nor a known managed policy',
        'did you mean "AmazonECSTaskExecutionRolePolicy"?',
      ],
    ]);
  });

  it("reports a mount point naming a missing volume", () => {
    const [e] = errorsOf(
      "taskDefinition:\n  volumes: [{ name: data }]\n  containers:\n    - mountPoints: [{ sourceVolume: dta }]\n",
    );
    expect(e).toMatchObject({ line: 4, hint: 'did you mean "data"?' });
  });

  it("reports YAML syntax errors with their position", () => {
    const [e] = errorsOf("service:\n  name: [web\n");
    expect(e?.message).toMatch(/^YAML: /);
    expect(e?.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses a scenario over 64 KB", () => {
    const big = `title: x\ndescription: "${"a".repeat(MAX_SCENARIO_BYTES)}"\n`;
    expect(errorsOf(big)[0]?.message).toContain("larger than 64 KB");
  });

  it("refuses an alias bomb", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    expect(errorsOf(lines.join("\n"))[0]?.message).toContain("too many YAML aliases");
  });

  it.each(["", "42", "- a\n- b", "null"])("refuses a document that is not a map: %j", (text) => {
    expect(errorsOf(text)[0]).toMatchObject({ line: 1, column: 1 });
  });

  it("never throws, and every error has a position inside the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" })), (text) => {
        const r = parseScenario(text);
        if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it("never throws on arbitrary YAML structures", () => {
    const keys = fc.constantFrom(
      "service",
      "services",
      "taskDefinition",
      "instances",
      "steps",
      "cluster",
      "roles",
      "name",
      "cpu",
      "x",
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("node"), { maxLength: 3 }),
        fc.dictionary(keys, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 5 }), (obj) => {
        const text = stringify(obj);
        const r = parseScenario(text);
        const lines = text.split("\n").length;
        if (!r.ok) for (const e of r.errors) expect(e.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
