import { describe, expect, it } from "vitest";
import { countTasks, outcomes, simulate } from "../testing";

const ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1";
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db";

describe("R22 Fargate needs the execution role for ECR pulls and awslogs", () => {
  const scenario = (td: string, roles = "") => `${roles}
taskDefinition:
  family: app
  requiresCompatibilities: [FARGATE]
  cpu: 256
  memory: 512
  ${td}
service: { name: app }`;

  it("with an execution role the private image is pulled", () => {
    const r = simulate(
      scenario(
        `executionRoleArn: ecsTaskExecutionRole\n  containers: [{ image: ${ECR}, logConfiguration: awslogs }]`,
      ),
    );
    expect(countTasks(r, "RUNNING")).toBe(1);
    const pull = r.finalState.roleCalls.find((c) => c.service === "ECR");
    expect(pull).toMatchObject({
      principal: "ecsTaskExecutionRole",
      via: "executionRole",
      allowed: true,
      ruleId: "R22",
    });
    expect(r.finalState.roleCalls.find((c) => c.action === "logs:PutLogEvents")?.allowed).toBe(true);
    expect(outcomes(r, "R22")).toEqual(["allowed"]);
  });

  it("without one the task definition is refused at registration: no task ever starts", () => {
    const r = simulate(scenario(`containers: [{ image: ${ECR} }]`));
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(r.finalState.tasks).toHaveLength(0);
    expect(r.verdict.summary).toContain(
      "Fargate requires task definition to have execution role ARN to support ECR images",
    );
    expect(outcomes(r, "R22")).toEqual(["denied"]);
  });

  it("contrast: the same definition for EC2 registers, and the instance role pulls (R23)", () => {
    const r = simulate(`instances: [{ type: m5.large }]
taskDefinition: { family: app, containers: [{ memory: 256, image: ${ECR} }] }
service: { name: app }`);
    expect(r.finalState.taskDefinitions[0]?.status).toBe("ACTIVE");
    expect(countTasks(r, "RUNNING")).toBe(1);
    expect(outcomes(r, "R22")).toEqual([]);
  });

  it("contrast: a public image needs no role", () => {
    const r = simulate(scenario("containers: [{ image: public.ecr.aws/nginx/nginx:latest }]"));
    expect(countTasks(r, "RUNNING")).toBe(1);
    expect(r.finalState.roleCalls.filter((c) => c.via !== "serviceLinkedRole")).toHaveLength(0);
  });

  it("awslogs without an execution role is refused at registration", () => {
    const r = simulate(scenario("containers: [{ logConfiguration: { logDriver: awslogs } }]"));
    expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
    expect(outcomes(r, "R22")).toEqual(["denied"]);
  });

  it("an execution role without ECR permissions cannot pull", () => {
    const r = simulate(
      scenario(
        `executionRoleArn: weak\n  containers: [{ image: ${ECR} }]`,
        "roles: { weak: [logs:PutLogEvents] }",
      ),
    );
    expect(r.verdict.summary).toContain("the execution role weak does not allow ecr:GetAuthorizationToken");
  });
});

describe("R23 without an execution role, EC2 tasks pull and log with the instance role", () => {
  const scenario = (td: string, instance = "{ type: m5.large }", roles = "") => `${roles}
instances: [${instance}]
taskDefinition:
  family: app
  ${td}
  containers: [{ memory: 256, image: ${ECR}, logConfiguration: awslogs }]
service: { name: app }`;

  it("no execution role: the instance role pulls and ships logs", () => {
    const r = simulate(scenario(""));
    expect(countTasks(r, "RUNNING")).toBe(1);
    const calls = r.finalState.roleCalls.filter((c) => c.ruleId === "R23");
    expect(calls.map((c) => [c.principal, c.via, c.allowed])).toEqual([
      ["ecsInstanceRole", "instanceProfile", true],
      ["ecsInstanceRole", "instanceProfile", true],
    ]);
  });

  it("contrast: with an execution role the agent uses it instead", () => {
    const r = simulate(scenario("executionRoleArn: ecsTaskExecutionRole"));
    expect(
      r.finalState.roleCalls.filter((c) => c.ruleId === "R23").every((c) => c.via === "executionRole"),
    ).toBe(true);
  });

  it("an instance role without ECR permissions cannot pull", () => {
    const r = simulate(
      scenario(
        "",
        "{ type: m5.large, instanceProfile: agentOnly }",
        "roles: { agentOnly: [ecs:RegisterContainerInstance] }",
      ),
    );
    expect(countTasks(r, "STOPPED")).toBe(1);
    expect(r.verdict.summary).toContain(
      "the agent uses the instance role agentOnly, which does not allow ecr:GetAuthorizationToken",
    );
    expect(outcomes(r, "R23")).toEqual(["denied"]);
  });
});

describe("R24 secrets and private registry credentials need the execution role", () => {
  const scenario = (launch: "EC2" | "FARGATE", td: string, roles = "") => `${roles}
${launch === "EC2" ? "instances: [{ type: m5.large }]" : ""}
taskDefinition:
  family: app
  requiresCompatibilities: [${launch}]
  cpu: 256
  memory: 512
  ${td}
service: { name: app }`;

  it.each(["EC2", "FARGATE"] as const)(
    "%s: secrets without executionRoleArn are refused at registration",
    (launch) => {
      const r = simulate(scenario(launch, `containers: [{ secrets: [{ name: DB, valueFrom: ${SECRET} }] }]`));
      expect(r.finalState.taskDefinitions[0]?.status).toBe("REJECTED");
      expect(r.verdict.summary).toContain("has no executionRoleArn");
      expect(outcomes(r, "R24")).toEqual(["denied"]);
    },
  );

  it("the managed execution policy alone cannot read Secrets Manager", () => {
    const r = simulate(
      scenario(
        "FARGATE",
        `executionRoleArn: ecsTaskExecutionRole\n  containers: [{ secrets: [{ name: DB, valueFrom: ${SECRET} }] }]`,
      ),
    );
    expect(countTasks(r, "STOPPED")).toBe(1);
    expect(r.finalState.tasks[0]?.failureReason).toContain("ResourceInitializationError");
  });

  it.each([
    { source: SECRET, action: "secretsmanager:GetSecretValue" },
    { source: "arn:aws:ssm:us-east-1:123456789012:parameter/db", action: "ssm:GetParameters" },
  ])("with $action the secret is injected", ({ source, action }) => {
    const r = simulate(
      scenario(
        "EC2",
        `executionRoleArn: exec\n  containers: [{ secrets: [{ name: DB, valueFrom: "${source}" }] }]`,
        `roles: { exec: [AmazonECSTaskExecutionRolePolicy, "${action}"] }`,
      ),
    );
    expect(countTasks(r, "RUNNING")).toBe(1);
    expect(r.finalState.roleCalls.find((c) => c.action === action)).toMatchObject({
      via: "executionRole",
      allowed: true,
    });
    expect(outcomes(r, "R24")).toEqual(["allowed"]);
  });

  it("private registry credentials are read by the execution role", () => {
    const r = simulate(
      scenario(
        "FARGATE",
        `executionRoleArn: exec\n  containers: [{ image: ghcr.io/acme/app:1, repositoryCredentials: ${SECRET} }]`,
        "roles: { exec: [secretsmanager:GetSecretValue] }",
      ),
    );
    expect(countTasks(r, "RUNNING")).toBe(1);
    expect(r.finalState.roleCalls.find((c) => c.ruleId === "R24")).toMatchObject({
      action: "secretsmanager:GetSecretValue",
      via: "executionRole",
      allowed: true,
    });
  });
});

describe("R27 ECS acts through its service-linked role; the legacy service role is limited", () => {
  const scenario = (mode: string, service: string) => `
instances: [{ type: m5.large }]
taskDefinition:
  family: web
  networkMode: ${mode}
  containers: [{ memory: 256, portMappings: [{ containerPort: 80, hostPort: 80 }] }]
service: { name: web, ${service} }`;

  it("awsvpc ENIs are attached with AWSServiceRoleForECS", () => {
    const r = simulate(scenario("awsvpc", "desiredCount: 1"));
    expect(r.finalState.roleCalls.find((c) => c.via === "serviceLinkedRole")).toMatchObject({
      principal: "AWSServiceRoleForECS",
      action: "ec2:CreateNetworkInterface",
    });
  });

  it("the legacy role is accepted with one target group in bridge mode", () => {
    const r = simulate(scenario("bridge", "role: ecsServiceRole, loadBalancers: [{ type: ALB }]"));
    expect(r.verdict.status).toBe("ok");
    expect(r.rules.find((x) => x.id === "R27")?.detail).toContain(
      "legacy service role ecsServiceRole is accepted",
    );
  });

  it.each([
    { title: "with awsvpc", mode: "awsvpc", service: "role: ecsServiceRole, loadBalancers: [{ type: ALB }]" },
    {
      title: "with two target groups",
      mode: "bridge",
      service: "role: ecsServiceRole, loadBalancers: [{ type: ALB }, { type: ALB, name: other }]",
    },
  ])("the legacy role is refused $title", ({ mode, service }) => {
    const r = simulate(scenario(mode, service));
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R27")).toEqual(["denied"]);
  });
});

describe("R02 R25 R28 a role without a declared trust takes the trust of its first use", () => {
  it.each([
    {
      rule: "R25",
      title: "instance profile first, then task role: the task cannot assume it",
      yaml: `roles: { shared: [AmazonEC2ContainerServiceforEC2Role, s3:GetObject] }
instances: [{ type: m5.large, instanceProfile: shared }]
taskDefinition: { taskRoleArn: shared, containers: [{ memory: 256 }] }
steps: [{ call: s3:GetObject }]`,
      text: "the simulator gave it the trust of its first use, the instance profile of i-1 (ec2.amazonaws.com)",
    },
    {
      rule: "R28",
      title: "task role first, then EBS infrastructure role: ECS cannot assume it",
      yaml: `roles: { shared: { allow: [AmazonECSInfrastructureRolePolicyForVolumes, s3:GetObject] } }
taskDefinition: { taskRoleArn: shared, cpu: 256, memory: 512, volumes: [{ name: d, configuredAtLaunch: true }] }
service: { volumeConfigurations: [{ name: d, roleArn: shared }] }`,
      text: "the trust of its first use, the task role of app (ecs-tasks.amazonaws.com); ECS (ecs.amazonaws.com) cannot assume it",
    },
    {
      rule: "R02",
      title: "instances are read first: the instance profile sets the trust and the instance registers",
      yaml: `roles: { shared: [AmazonEC2ContainerServiceforEC2Role] }
instances: [{ type: m5.large, instanceProfile: shared }, { type: m5.large }]
taskDefinition: { executionRoleArn: shared, containers: [{ memory: 256 }] }`,
      text: null,
    },
    {
      rule: "R25",
      title: "used in one slot only: accepted",
      yaml: `roles: { app: [s3:GetObject] }
taskDefinition: { taskRoleArn: app, cpu: 256, memory: 512 }
steps: [{ call: s3:GetObject }]`,
      text: null,
    },
  ])("$rule: $title", ({ rule, yaml, text }) => {
    const r = simulate(yaml);
    if (text === null) {
      expect(outcomes(r, rule)).not.toContain("denied");
    } else {
      expect(r.verdict.summary).toContain(text);
      expect(outcomes(r, rule)).toContain("denied");
    }
  });
});
