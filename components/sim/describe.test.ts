import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "@/lib/sim";
import { english } from "@/lib/sim/text";
import { describeFrame, stepLabel } from "./describe";
import { frameAt } from "./frames";
import { roleRows } from "./roles";
import { buildTimeline } from "./timeline";
import { volumeRows } from "./volumes";

function describeAt(yaml: string, position = Number.POSITIVE_INFINITY) {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  const result = runScenario(parsed.scenario);
  const timeline = buildTimeline(result);
  const frame = frameAt(timeline, Math.min(position, timeline.moments.length - 1));
  const roles = roleRows(parsed.scenario, frame.roleCalls);
  const volumes = volumeRows(parsed.scenario, result, frame);
  const sections = describeFrame(
    parsed.scenario,
    result,
    frame,
    roles,
    volumes,
    timeline.moments.length,
    english,
  );
  return Object.fromEntries(sections.map((s) => [s.title, s.items.join("\n")]));
}

describe("describeFrame", () => {
  it("states the tasks, instances and their use, as the picture draws them", () => {
    const text = describeAt(`
instances: [{ count: 2, type: m5.large }]
taskDefinition: { containers: [{ memory: 4096, portMappings: [{ containerPort: 80, hostPort: 0 }] }] }
service: { desiredCount: 5 }
`);
    expect(text.Verdict).toMatch(/^partial: 4 of 5 tasks running/);
    expect(text.Tasks).toContain("Tasks: 4 RUNNING, 1 PENDING.");
    expect(text.Tasks).toMatch(/t-5 \(app:1\): PENDING not placed: no instance has 4096 MiB/);
    expect(text.Tasks).toMatch(/t-1 \(app:1\): RUNNING on instance i-\d in us-east-1[ab], host port 32768/);
    expect(text.Instances).toMatch(
      /i-1 \(m5\.large, us-east-1a\): agent registered in cluster default; instance profile ecsInstanceRole; CPU 0 of 2048 units used; memory 8192 of 8192 MiB/,
    );
  });

  it("states the denied call of the task role and the refused load balancer", () => {
    const text = describeAt(`
roles: { appRole: [dynamodb:GetItem] }
taskDefinition: { family: web, cpu: 256, memory: 512, taskRoleArn: appRole, containers: [{ portMappings: [80] }] }
service: { name: web }
steps: [{ call: s3:PutObject }]
`);
    expect(text["IAM roles"]).toMatch(
      /appRole \(task role of web\): denied s3:PutObject on S3 \(R25\); can reach DynamoDB/,
    );
    const clb = describeAt(`
taskDefinition: { family: web, cpu: 256, memory: 512, containers: [{ portMappings: [80] }] }
service: { name: web, loadBalancers: [{ type: CLB }] }
`);
    expect(clb["Load balancers"]).toMatch(/CLB web-clb for service web: refused \(R32\)/);
  });

  it("states a failed mount with its reason, and a volume that was never created", () => {
    const failed = describeAt(`
instances: [{ type: m5.large }]
roles: { app: [s3:GetObject] }
taskDefinition:
  taskRoleArn: app
  containers: [{ memory: 512, mountPoints: [{ sourceVolume: e, containerPath: /e }] }]
  volumes: [{ name: e, type: efs, iamAuthorization: ENABLED, transitEncryption: ENABLED }]
`);
    expect(failed.Volumes).toMatch(
      /e \(Amazon EFS, task definition app.*\): failed in t-1\/app at \/e \(the task role app [^)]*elasticfilesystem:ClientMount\)/,
    );
    const refused = describeAt(`
taskDefinition: { cpu: 256, memory: 512, volumes: [{ name: bucket, type: s3 }] }
`);
    expect(refused.Volumes).toMatch(
      /bucket \(S3 bucket \(no such volume type\).*: not created\. RegisterTaskDefinition app refused/,
    );
  });

  it("describes the moment shown, not only the end", () => {
    const text = describeAt(`taskDefinition: { cpu: 256, memory: 512 }\nservice: { desiredCount: 2 }\n`, 0);
    expect(text.Moment).toMatch(/^Moment 1 of \d+ at 0:00, step 0: Cluster setup\./);
    expect(text.Tasks).toContain("No tasks at this moment.");
  });
});

describe("stepLabel", () => {
  it("names each step in words", () => {
    const parsed = parseScenario(
      "instances: [{ count: 2 }]\ntaskDefinition: { family: web, containers: [{ memory: 256 }] }\nservice: { name: web }\nsteps: [createService, { scale: 4 }, { failInstance: i-1 }, { call: s3:PutObject }]\n",
    );
    if (!parsed.ok) throw new Error("invalid");
    const labels = parsed.scenario.steps.map((_, i) => english(stepLabel(parsed.scenario, i + 1)));
    expect(english(stepLabel(parsed.scenario, 0))).toBe("Cluster setup");
    expect(labels).toEqual([
      "Register task definition web",
      "Create service web",
      "Scale web to 4",
      "Instance i-1 fails",
      "web calls s3:PutObject",
    ]);
  });
});
