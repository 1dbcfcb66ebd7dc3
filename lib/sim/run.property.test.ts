import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { RULES } from "./rules/catalog";
import { runScenario } from "./run";
import { parseScenario } from "./scenario/parse";

/**
 * Any valid scenario runs to a verdict: fragments covering every feature are
 * combined at random, and the engine must neither throw nor cite an unknown rule.
 */
/** Fragments are "key: value" lines; two with the same key would make invalid YAML. */
const key = (line: string) => line.split(":")[0];

const launch = fc.constantFrom(
  "launchType: FARGATE",
  "launchType: EC2",
  "capacityProviderStrategy: [{ provider: FARGATE, base: 1 }, { provider: FARGATE_SPOT, weight: 2 }]",
  "capacityProviderStrategy: [asg]",
  "",
);
const td = fc.constantFrom(
  "requiresCompatibilities: [EC2, FARGATE]",
  "networkMode: awsvpc",
  "networkMode: host",
  "executionRoleArn: exec",
  "taskRoleArn: app",
  "os: windows",
  "arch: arm64",
  "volumes: [{ name: v, type: efs, iamAuthorization: true, transitEncryption: true }]",
  "volumes: [{ name: v, configuredAtLaunch: true }]",
  "volumes: [{ name: v, type: docker }]",
  "volumes: [{ name: v, type: fsxWindows }]",
  "volumes: [{ name: v, type: s3 }]",
  'placementConstraints: ["memberOf:attribute:ecs.instance-type =~ m5.*"]',
  "ephemeralStorage: 50",
);
const container = fc.constantFrom(
  "image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1",
  "logConfiguration: awslogs",
  "secrets: [arn:aws:secretsmanager:us-east-1:123456789012:secret:x]",
  "portMappings: [{ containerPort: 80, hostPort: 80 }]",
  "portMappings: [{ containerPort: 53, protocol: udp }]",
  "stopTimeout: 150",
  "gpu: 1",
);
const service = fc.constantFrom(
  "schedulingStrategy: DAEMON",
  "deploymentController: CODE_DEPLOY",
  "loadBalancers: [{ type: ALB }]",
  "loadBalancers: [{ type: CLB }]",
  "loadBalancers: [{ type: NLB, protocol: UDP, containerPort: 53 }]",
  "loadBalancers: [{ type: ALB, healthCheck: failing, azs: [us-east-1a] }]",
  "placementStrategy: [binpack:memory, spread:instanceId]",
  "placementConstraints: [distinctInstance]",
  "role: ecsServiceRole",
  "volumeConfigurations: [{ name: v, roleArn: ecsInfrastructureRole }]",
  "autoScaling: { metric: requests, target: 10 }",
  "autoScaling: { policy: step, target: 50 }",
  'platformVersion: "1.3.0"',
);
const step = fc.constantFrom(
  "scale: 1",
  "scale: 7",
  "failInstance: i-1",
  "drainInstance: i-2",
  "spotInterruption",
  "changeLoad: 95",
  "call: s3:PutObject",
  "imagePull: app",
  "shipLogs: app",
  "mountVolume: app",
  "readInstanceMetadata: app",
  "updateService: { service: app, desiredCount: 0 }",
  "runTask: { taskDefinition: app, count: 2 }",
);

describe("runScenario on random feature mixes", () => {
  it("always reaches a verdict and cites only known rules", () => {
    fc.assert(
      fc.property(
        launch,
        fc.uniqueArray(td, { maxLength: 3, selector: key }),
        fc.uniqueArray(container, { maxLength: 3, selector: key }),
        fc.uniqueArray(service, { maxLength: 3, selector: key }),
        fc.array(step, { maxLength: 4 }),
        fc.integer({ min: 0, max: 6 }),
        (l, tds, cs, ss, steps, desired) => {
          const yaml = `cluster: { name: c, capacityProviders: [FARGATE, FARGATE_SPOT, { name: asg, maxSize: 4 }] }
roles: { exec: [AmazonECSTaskExecutionRolePolicy, secretsmanager:GetSecretValue], app: [s3:*, AmazonElasticFileSystemClientReadWriteAccess] }
instances: [{ count: 2, type: m5.large, capacityProvider: asg }, { type: g4dn.xlarge, os: windows, domainJoined: true }]
taskDefinition:
  family: app
  cpu: 512
  memory: 1024
${tds.map((t) => `  ${t}`).join("\n")}
  containers:
    - name: main
${cs.map((c) => `      ${c}`).join("\n")}
${tds.some((t) => t.includes("volumes")) ? "      mountPoints: [{ sourceVolume: v }]" : ""}
service:
  name: app
  desiredCount: ${desired}
  ${l}
${ss.map((s) => `  ${s}`).join("\n")}
steps:
  - createService: app
${steps.map((s) => `  - ${s}`).join("\n")}`;
          const parsed = parseScenario(yaml);
          if (!parsed.ok) throw new Error(`${yaml}\n${JSON.stringify(parsed.errors)}`);
          const result = runScenario(parsed.scenario);
          expect(["ok", "partial", "error"]).toContain(result.verdict.status);
          expect(result.verdict.summary.length).toBeGreaterThan(0);
          for (const r of result.rules) expect(RULES[r.id]?.doc).toBe(r.doc);
          const ts = result.events.map((e) => e.t);
          expect(ts).toEqual([...ts].sort((a, b) => a - b));
        },
      ),
      { numRuns: fuzzRuns(400) },
    );
  });
});
