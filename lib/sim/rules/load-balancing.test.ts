import { describe, expect, it } from "vitest";
import { countTasks, outcomes, simulate } from "../testing";

const fargate = (lbs: string, service = "", container = "portMappings: [80]") => `
taskDefinition:
  family: web
  requiresCompatibilities: [FARGATE]
  cpu: 256
  memory: 512
  containers: [{ ${container} }]
service:
  name: web
  desiredCount: 2
  loadBalancers: ${lbs}
  ${service}`;

const ec2 = (lbs: string, mapping = "{ containerPort: 80, hostPort: 80 }", mode = "bridge", service = "") => `
instances: [{ count: 2, type: m5.large }]
taskDefinition:
  family: web
  networkMode: ${mode}
  containers: [{ memory: 256, portMappings: [${mapping}] }]
service:
  name: web
  desiredCount: 2
  loadBalancers: ${lbs}
  ${service}`;

describe("R30 HTTP and HTTPS services belong behind an ALB", () => {
  it("an ALB routes HTTP to Fargate tasks", () => {
    const r = simulate(fargate("[{ type: ALB }]"));
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R30")).toEqual(["allowed"]);
  });

  it("an ALB does not listen on TCP", () => {
    const r = simulate(fargate("[{ type: ALB, protocol: TCP }]"));
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R30")).toEqual(["denied"]);
  });

  it("contrast: HTTP through an NLB works but the ALB is recommended", () => {
    const r = simulate(fargate("[{ type: NLB, protocol: HTTP }]"));
    expect(r.verdict.status).toBe("ok");
    expect(r.rules.find((x) => x.id === "R30")?.detail).toContain("an ALB is the recommended choice");
  });
});

describe("R31 an NLB for extreme TCP/UDP, static IPs or PrivateLink", () => {
  it("an NLB can back a PrivateLink endpoint service with static IPs", () => {
    const r = simulate(fargate("[{ type: NLB, endpointService: true, staticIp: true }]"));
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R31")).toEqual(["allowed"]);
  });

  it.each([
    { title: "a PrivateLink endpoint service on an ALB", lb: "{ type: ALB, endpointService: true }" },
    { title: "static IPs on an ALB", lb: "{ type: ALB, staticIp: true }" },
  ])("refused: $title", ({ lb }) => {
    const r = simulate(fargate(`[${lb}]`));
    expect(outcomes(r, "R31")).toEqual(["denied"]);
  });

  it("a Gateway Load Balancer may front an endpoint service too", () => {
    const r = simulate(fargate("[{ type: GWLB, endpointService: true }]"));
    expect(outcomes(r, "R31")).toEqual([]);
    expect(r.verdict.status).toBe("ok");
  });
});

describe("R32 awsvpc and Fargate targets need target type ip; no CLB", () => {
  it("Fargate behind a CLB is refused", () => {
    const r = simulate(fargate("[{ type: CLB }]"));
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain("Classic Load Balancers are not supported for Fargate tasks (R32)");
    expect(outcomes(r, "R32")).toEqual(["denied"]);
    expect(outcomes(r, "R33")).toEqual(["denied"]);
  });

  it("the refusal names R32 even when the container maps no port", () => {
    const r = simulate(fargate("[{ type: CLB }]", "", "cpu: 0"));
    expect(r.verdict.summary).toContain("(R32)");
  });

  it("Fargate with target type instance is refused", () => {
    const r = simulate(fargate("[{ type: ALB, targetType: instance }]"));
    expect(r.verdict.summary).toContain("target type ip");
  });

  it("Fargate targets register by IP", () => {
    const r = simulate(fargate("[{ type: ALB }]"));
    const targets = r.finalState.loadBalancers[0]?.targetGroups[0]?.targets ?? [];
    expect(r.finalState.loadBalancers[0]?.targetGroups[0]?.targetType).toBe("ip");
    expect(targets.map((t) => t.id)).toEqual(r.finalState.tasks.map((t) => t.ip));
    expect(targets.every((t) => t.port === 80 && t.health === "healthy")).toBe(true);
  });

  it("contrast: bridge tasks register by instance and host port", () => {
    const r = simulate(ec2("[{ type: ALB }]", "{ containerPort: 80, hostPort: 0 }"));
    const targets = r.finalState.loadBalancers[0]?.targetGroups[0]?.targets ?? [];
    expect(targets.every((t) => t.id.startsWith("i-") && t.port >= 32768)).toBe(true);
    expect(outcomes(r, "R32")).toEqual(["applied"]);
  });

  it("target type ip with bridge tasks is refused", () => {
    const r = simulate(ec2("[{ type: ALB, targetType: ip }]"));
    expect(outcomes(r, "R32")).toEqual(["denied"]);
  });
});

describe("R33 a CLB serves only EC2 tasks without awsvpc, on static ports", () => {
  it("EC2 bridge tasks with a fixed host port work behind a CLB", () => {
    const r = simulate(ec2("[{ type: CLB }]"));
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R33")).toEqual(["allowed"]);
    expect(r.finalState.loadBalancers[0]?.targetGroups[0]?.targets.map((t) => t.port)).toEqual([80, 80]);
  });

  it.each([
    {
      title: "dynamic host port",
      mapping: "{ containerPort: 80, hostPort: 0 }",
      mode: "bridge",
      rule: "R33",
    },
    { title: "awsvpc tasks", mapping: "80", mode: "awsvpc", rule: "R32" },
  ])("refused: $title", ({ mapping, mode, rule }) => {
    const r = simulate(ec2("[{ type: CLB }]", mapping, mode));
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain(`(${rule})`);
  });
});

describe("R34 CodeDeploy blue/green needs an ALB or NLB", () => {
  it.each([
    { lbs: "[{ type: ALB }]", ok: true },
    { lbs: "[{ type: NLB }]", ok: true },
    { lbs: "[{ type: GWLB }]", ok: false },
    { lbs: "[]", ok: false },
  ])("CODE_DEPLOY with $lbs → accepted: $ok", ({ lbs, ok }) => {
    const r = simulate(fargate(lbs, "deploymentController: CODE_DEPLOY"));
    expect(r.verdict.status).toBe(ok ? "ok" : "error");
    expect(outcomes(r, "R34")).toEqual([ok ? "allowed" : "denied"]);
  });

  it("refused: CODE_DEPLOY behind a CLB on EC2", () => {
    const r = simulate(ec2("[{ type: CLB }]", undefined, undefined, "deploymentController: CODE_DEPLOY"));
    expect(outcomes(r, "R34")).toEqual(["denied"]);
  });
});

describe("R35 five target groups, same VPC, AZs covered, health checks", () => {
  it("six target groups are refused; five are fine", () => {
    const lbs = (n: number) =>
      `[${Array.from({ length: n }, (_, i) => `{ type: ALB, name: lb${i} }`).join(", ")}]`;
    expect(simulate(fargate(lbs(6))).verdict.summary).toContain("at most 5");
    expect(simulate(fargate(lbs(5))).verdict.status).toBe("ok");
  });

  it("a load balancer in another VPC: the service is created, target registration fails", () => {
    const r = simulate(fargate("[{ type: ALB, vpc: vpc-other }]"));
    expect(r.finalState.services[0]?.name).toBe("web");
    expect(r.events.some((e) => e.kind === "service" && e.message.includes("refused"))).toBe(false);
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain("not in the same VPC as the target group");
    expect(r.finalState.loadBalancers[0]?.targetGroups[0]?.targets).toEqual([]);
    expect(r.finalState.tasks.filter((t) => t.state === "STOPPED").map((t) => t.failureReason)).toEqual([
      "Target registration failed: the task is not in the target group's VPC",
      "Target registration failed: the task is not in the target group's VPC",
    ]);
    expect(outcomes(r, "R35")).toContain("denied");
  });

  it("contrast: the same load balancer in the tasks' VPC registers both targets", () => {
    const r = simulate(fargate("[{ type: ALB, vpc: vpc-1 }]"));
    expect(r.verdict.status).toBe("ok");
    expect(r.finalState.loadBalancers[0]?.targetGroups[0]?.targets.map((t) => t.health)).toEqual([
      "healthy",
      "healthy",
    ]);
  });

  it("a task in an AZ the load balancer does not cover is an unused target", () => {
    const r = simulate(fargate("[{ type: ALB, azs: [us-east-1a] }]"));
    const health = r.finalState.loadBalancers[0]?.targetGroups[0]?.targets.map((t) => t.health);
    expect(health?.sort()).toEqual(["healthy", "unused"]);
    expect(r.verdict.status).toBe("partial");
  });

  it("failing health checks: tasks are stopped and replaced", () => {
    const r = simulate(fargate("[{ type: ALB, healthCheck: failing }]"));
    expect(countTasks(r, "STOPPED")).toBe(2);
    expect(
      r.finalState.tasks
        .filter((t) => t.state === "STOPPED")
        .every((t) => t.failureReason === "Task failed ELB health checks"),
    ).toBe(true);
    expect(countTasks(r, "RUNNING")).toBe(2);
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R35")).toContain("denied");
  });
});

describe("R36 UDP through an NLB to Fargate needs platform version 1.4.0", () => {
  it.each([
    { pv: "1.3.0", ok: false },
    { pv: "LATEST", ok: true },
  ])("platform version $pv (as of 2026-01-15) → accepted: $ok", ({ pv, ok }) => {
    const r = simulate(
      "date: 2026-01-15" +
        fargate(
          "[{ type: NLB, protocol: UDP, containerPort: 53 }]",
          `platformVersion: "${pv}"`,
          "portMappings: [{ containerPort: 53, protocol: udp }]",
        ),
    );
    expect(r.verdict.status).toBe(ok ? "ok" : "error");
    expect(outcomes(r, "R36")).toEqual([ok ? "allowed" : "denied"]);
  });

  it("contrast: TCP through an NLB worked on 1.3.0 before its retirement", () => {
    const r = simulate(`date: 2026-01-15${fargate("[{ type: NLB }]", 'platformVersion: "1.3.0"')}`);
    expect(r.verdict.status).toBe("ok");
    expect(outcomes(r, "R36")).toEqual([]);
  });
});

describe("R34 R27 deployment controller and legacy service role limits", () => {
  const fg = "taskDefinition: { cpu: 256, memory: 512, containers: [{ portMappings: [80] }] }";
  const ec2 =
    "instances: [{ type: m5.large }]\ntaskDefinition: { containers: [{ memory: 256, portMappings: [80] }] }";
  it.each([
    {
      rule: "R34",
      title: "CODE_DEPLOY with two target groups is refused",
      yaml: `${fg}\nservice: { deploymentController: CODE_DEPLOY, loadBalancers: [{ type: ALB }, { type: ALB, name: b, targetGroup: b-tg }] }`,
      text: "must use the ECS deployment controller",
    },
    {
      rule: "R34",
      title: "ECS with two target groups is accepted",
      yaml: `${fg}\nservice: { loadBalancers: [{ type: ALB }, { type: ALB, name: b, targetGroup: b-tg }] }`,
      text: null,
    },
    {
      rule: "R27",
      title: "service role without a load balancer is refused",
      yaml: `${ec2}\nservice: { role: ecsServiceRole }`,
      text: "only for a service with a load balancer",
    },
    {
      rule: "R27",
      title: "service role with the EXTERNAL controller is refused",
      yaml: `${ec2}\nservice: { role: ecsServiceRole, deploymentController: EXTERNAL, loadBalancers: [{ type: ALB }] }`,
      text: "EXTERNAL deployment controller",
    },
    {
      rule: "R27",
      title: "service role with one load balancer on bridge is accepted",
      yaml: `${ec2}\nservice: { role: ecsServiceRole, loadBalancers: [{ type: ALB }] }`,
      text: null,
    },
  ])("$rule: $title", ({ rule, yaml, text }) => {
    const r = simulate(yaml);
    if (text === null) {
      expect(r.verdict.status).toBe("ok");
      expect(outcomes(r, rule)).not.toContain("denied");
    } else {
      expect(r.verdict.summary).toContain(text);
      expect(outcomes(r, rule)).toEqual(["denied"]);
    }
  });
});
