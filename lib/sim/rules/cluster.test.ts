import { describe, expect, it } from "vitest";
import { countTasks, outcomes, simulate, tasksPerInstance } from "../testing";

const service = (extra = "") => `
taskDefinition:
  family: web
  containers: [{ memory: 512, cpu: 128 }]
service:
  name: web
  desiredCount: 2
${extra}`;

describe("R01 the agent joins the cluster named by ECS_CLUSTER", () => {
  it.each([
    { title: "ECS_CLUSTER=prod joins prod", ecsCluster: "prod", cluster: "prod", joined: "prod", running: 2 },
    {
      title: "no ECS_CLUSTER joins default, not prod",
      ecsCluster: "null",
      cluster: "prod",
      joined: "default",
      running: 0,
    },
    {
      title: "no ECS_CLUSTER is fine when the cluster is default",
      ecsCluster: "null",
      cluster: "default",
      joined: "default",
      running: 2,
    },
  ])("$title", ({ ecsCluster, cluster, joined, running }) => {
    const r = simulate(`cluster: { name: ${cluster} }
instances: [{ type: m5.large, ecsCluster: ${ecsCluster} }]
${service()}`);
    expect(r.finalState.instances[0]?.cluster).toBe(joined);
    expect(countTasks(r, "RUNNING")).toBe(running);
    expect(outcomes(r, "R01")).toContain("applied");
    if (running === 0) {
      expect(r.verdict.status).toBe("error");
      expect(r.verdict.summary).toContain('not "prod" (R01)');
      expect(r.finalState.tasks[0]?.failureReason).toContain(
        "no container instance is registered in cluster prod",
      );
    }
  });
});

describe("R02 an instance needs a container instance role to register", () => {
  it.each([
    {
      title: "default ecsInstanceRole registers",
      profile: "ecsInstanceRole",
      roles: "",
      status: "ACTIVE",
      outcome: "allowed",
    },
    {
      title: "no instance profile cannot register",
      profile: "null",
      roles: "",
      status: "UNREGISTERED",
      outcome: "denied",
    },
    {
      title: "a role without ecs:RegisterContainerInstance cannot register",
      profile: "bare",
      roles: "roles: { bare: [s3:GetObject] }",
      status: "UNREGISTERED",
      outcome: "denied",
    },
  ])("$title", ({ profile, roles, status, outcome }) => {
    const r = simulate(`${roles}
instances: [{ type: m5.large, instanceProfile: ${profile} }]
${service()}`);
    expect(r.finalState.instances[0]?.status).toBe(status);
    expect(outcomes(r, "R02")).toEqual([outcome]);
    expect(r.finalState.roleCalls.find((c) => c.action === "ecs:RegisterContainerInstance")?.allowed).toBe(
      outcome === "allowed",
    );
    expect(countTasks(r, "RUNNING")).toBe(outcome === "allowed" ? 2 : 0);
  });
});

describe("R04 a Linux EC2 task definition defaults to bridge", () => {
  it.each([
    { title: "Linux, no networkMode → bridge", os: "linux", mode: "", expected: "bridge", r04: ["applied"] },
    { title: "Linux, awsvpc stays awsvpc", os: "linux", mode: "awsvpc", expected: "awsvpc", r04: [] },
    {
      title: "Windows, no networkMode → default",
      os: "windows",
      mode: "",
      expected: "default",
      r04: ["applied"],
    },
    { title: "Windows accepts awsvpc", os: "windows", mode: "awsvpc", expected: "awsvpc", r04: ["applied"] },
    { title: "Windows refuses bridge", os: "windows", mode: "bridge", expected: null, r04: ["denied"] },
  ])("$title", ({ os, mode, expected, r04 }) => {
    const r = simulate(`instances: [{ type: m5.large, os: ${os} }]
taskDefinition:
  family: web
  os: ${os}
  ${mode ? `networkMode: ${mode}` : ""}
  containers: [{ memory: 256 }]`);
    const state = r.finalState.taskDefinitions[0];
    expect(outcomes(r, "R04")).toEqual(r04);
    if (expected) expect(state?.networkMode).toBe(expected);
    else expect(state?.status).toBe("REJECTED");
  });
});

describe("R05 dynamic host ports let copies share an instance", () => {
  const scenario = (mapping: string, mode = "bridge") => `
instances: [{ id: i-1, type: m5.large }]
taskDefinition:
  family: web
  networkMode: ${mode}
  containers: [{ memory: 256, portMappings: [${mapping}] }]
service: { name: web, desiredCount: 3 }`;

  it("hostPort 0 gives each copy its own port in 32768–61000", () => {
    const r = simulate(scenario("{ containerPort: 80, hostPort: 0 }"));
    expect(countTasks(r, "RUNNING")).toBe(3);
    const ports = r.finalState.tasks.map((t) => t.hostPorts[0]?.hostPort);
    expect(ports).toEqual([32768, 32769, 32770]);
    expect(r.finalState.instances[0]?.ports).toContain("32770/tcp");
    expect(outcomes(r, "R05")).toEqual(["applied"]);
  });

  it.each([
    {
      title: "a fixed hostPort fits one copy per instance",
      mapping: "{ containerPort: 80, hostPort: 80 }",
      mode: "bridge",
    },
    { title: "host mode binds the container port once per instance", mapping: "80", mode: "host" },
  ])("$title", ({ mapping, mode }) => {
    const r = simulate(scenario(mapping, mode));
    expect(countTasks(r, "RUNNING")).toBe(1);
    expect(countTasks(r, "PENDING")).toBe(2);
    expect(outcomes(r, "R05")).toEqual(["applied", "denied"]);
    expect(r.verdict.status).toBe("partial");
    expect(r.verdict.summary).toContain("80/tcp");
  });
});

describe("R06 awsvpc tasks on EC2 use one ENI each unless trunking", () => {
  const scenario = (mode: string, trunking: boolean) => `
instances: [{ id: i-1, type: m5.large, trunking: ${trunking} }]
taskDefinition:
  family: web
  networkMode: ${mode}
  containers: [{ memory: 256 }]
service: { name: web, desiredCount: 4 }`;

  it("m5.large has 3 ENIs: 2 awsvpc tasks fit, the rest stay PENDING", () => {
    const r = simulate(scenario("awsvpc", false));
    expect(countTasks(r, "RUNNING")).toBe(2);
    expect(countTasks(r, "PENDING")).toBe(2);
    expect(r.finalState.instances[0]?.enis).toMatchObject({ total: 2, used: 2, free: 0 });
    expect(outcomes(r, "R06")).toEqual(["applied", "denied"]);
    expect(new Set(r.finalState.tasks.filter((t) => t.eni).map((t) => t.eni)).size).toBe(2);
  });

  it("ENI trunking raises m5.large to 10 task ENIs", () => {
    const r = simulate(scenario("awsvpc", true));
    expect(countTasks(r, "RUNNING")).toBe(4);
    expect(r.finalState.instances[0]?.enis).toMatchObject({ total: 10, used: 4, trunking: true });
  });

  it("bridge tasks use no ENI of their own", () => {
    const r = simulate(scenario("bridge", false));
    expect(countTasks(r, "RUNNING")).toBe(4);
    expect(r.finalState.instances[0]?.enis.used).toBe(0);
    expect(outcomes(r, "R06")).toEqual([]);
  });
});

describe("R12 DAEMON runs one task per eligible instance", () => {
  it("one task on each of three instances, whatever desiredCount says", () => {
    const r = simulate(`instances: [{ count: 3, type: m5.large }]
taskDefinition: { family: agent, containers: [{ memory: 128 }] }
service: { name: agent, schedulingStrategy: DAEMON, desiredCount: 1 }`);
    expect(tasksPerInstance(r)).toEqual({ "i-1": 1, "i-2": 1, "i-3": 1 });
    expect(r.finalState.services[0]?.desiredCount).toBe(3);
    expect(outcomes(r, "R12")).toEqual(["applied"]);
  });

  it("contrast: REPLICA with binpack puts three tasks on one instance", () => {
    const r = simulate(`instances: [{ count: 3, type: m5.large }]
taskDefinition: { family: agent, containers: [{ memory: 128 }] }
service: { name: agent, desiredCount: 3, placementStrategy: [binpack:memory] }`);
    expect(Object.values(tasksPerInstance(r)).sort()).toEqual([0, 0, 3]);
  });

  it.each([
    {
      title: "not on Fargate",
      body: "launchType: FARGATE",
      td: "requiresCompatibilities: [EC2, FARGATE]\n  cpu: 256\n  memory: 512",
    },
    {
      title: "not with CODE_DEPLOY",
      body: "deploymentController: CODE_DEPLOY",
      td: "containers: [{ memory: 128 }]",
    },
    {
      title: "not with EXTERNAL",
      body: "deploymentController: EXTERNAL",
      td: "containers: [{ memory: 128 }]",
    },
  ])("refused $title", ({ body, td }) => {
    const r = simulate(`instances: [{ type: m5.large }]
taskDefinition:
  family: agent
  ${td}
service:
  name: agent
  schedulingStrategy: DAEMON
  ${body}`);
    expect(r.verdict.status).toBe("error");
    expect(outcomes(r, "R12")).toEqual(["denied"]);
    expect(r.finalState.tasks).toHaveLength(0);
  });
});

describe("R14 ASG capacity providers: managed scaling and termination protection", () => {
  const scenario = (provider: string, desired = 6) => `
cluster:
  name: prod
  capacityProviders: [${provider}]
  defaultStrategy: [asg]
instances: [{ type: m5.large, capacityProvider: asg }]
taskDefinition: { family: web, containers: [{ memory: 3072 }] }
service: { name: web, desiredCount: ${desired} }`;

  it("managed scaling grows the group until the waiting tasks fit", () => {
    const r = simulate(scenario("{ name: asg, instanceType: m5.large, maxSize: 5 }"));
    expect(r.verdict.status).toBe("ok");
    expect(r.finalState.instances).toHaveLength(3);
    expect(countTasks(r, "RUNNING")).toBe(6);
    expect(
      r.rules
        .filter((x) => x.id === "R14")
        .map((x) => x.detail)
        .join(" "),
    ).toContain("CapacityProviderReservation = 3 needed / 1 running = 300%");
  });

  it("a targetCapacity of 50% keeps spare instances", () => {
    const r = simulate(scenario("{ name: asg, instanceType: m5.large, maxSize: 10, targetCapacity: 50 }"));
    expect(r.finalState.instances).toHaveLength(6);
    expect(countTasks(r, "RUNNING")).toBe(6);
  });

  it("maxSize caps the growth: the rest wait in PROVISIONING", () => {
    const r = simulate(scenario("{ name: asg, instanceType: m5.large, maxSize: 2 }"));
    expect(r.finalState.instances).toHaveLength(2);
    expect(countTasks(r, "PROVISIONING")).toBe(2);
    expect(r.verdict.status).toBe("partial");
  });

  it("without managed scaling tasks wait in PROVISIONING", () => {
    const r = simulate(scenario("{ name: asg, instanceType: m5.large, managedScaling: DISABLED }"));
    expect(r.finalState.instances).toHaveLength(1);
    expect(countTasks(r, "RUNNING")).toBe(2);
    expect(countTasks(r, "PROVISIONING")).toBe(4);
    expect(r.verdict.summary).toContain("waits in PROVISIONING");
  });

  it.each([
    {
      title: "managed termination protection without managed scaling",
      p: "managedScaling: false, managedTerminationProtection: true, scaleInProtection: true",
    },
    {
      title: "managed termination protection without ASG scale-in protection",
      p: "managedTerminationProtection: true",
    },
  ])("refused: $title", ({ p }) => {
    const r = simulate(scenario(`{ name: asg, instanceType: m5.large, ${p} }`));
    expect(outcomes(r, "R14")).toContain("denied");
    expect(r.verdict.status).toBe("error");
    expect(r.verdict.summary).toContain("Capacity provider asg is refused");
  });

  it("contrast: termination protection with both settings is accepted", () => {
    const r = simulate(
      scenario(
        "{ name: asg, instanceType: m5.large, maxSize: 5, managedTerminationProtection: true, scaleInProtection: true }",
      ),
    );
    expect(outcomes(r, "R14")).not.toContain("denied");
    expect(countTasks(r, "RUNNING")).toBe(6);
  });
});

describe("R04 R05 port mappings the network mode forbids", () => {
  it.each([
    {
      rule: "R04",
      title: "networkMode none with a port mapping",
      yaml: "instances: [{ type: m5.large }]\ntaskDefinition: { networkMode: none, containers: [{ memory: 256, portMappings: [80] }] }",
      text: "takes no port mappings",
    },
    {
      rule: "R05",
      title: "awsvpc with hostPort different from containerPort",
      yaml: "taskDefinition: { cpu: 256, memory: 512, containers: [{ portMappings: [{ containerPort: 80, hostPort: 8080 }] }] }",
      text: "hostPort must be omitted or equal to containerPort",
    },
    {
      rule: "R05",
      title: "host with hostPort different from containerPort",
      yaml: "instances: [{ type: m5.large }]\ntaskDefinition: { networkMode: host, containers: [{ memory: 256, portMappings: [{ containerPort: 80, hostPort: 81 }] }] }",
      text: "in host mode hostPort",
    },
    {
      rule: "R05",
      title: "awsvpc with hostPort equal to containerPort is accepted",
      yaml: "taskDefinition: { cpu: 256, memory: 512, containers: [{ portMappings: [{ containerPort: 80, hostPort: 80 }] }] }",
      text: null,
    },
    {
      rule: "R05",
      title: "bridge may remap hostPort",
      yaml: "instances: [{ type: m5.large }]\ntaskDefinition: { containers: [{ memory: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] }",
      text: null,
    },
  ])("$rule: $title", ({ rule, yaml, text }) => {
    const r = simulate(yaml);
    if (text === null) {
      expect(r.verdict.status).toBe("ok");
      expect(outcomes(r, rule)).not.toContain("denied");
    } else {
      expect(r.verdict.summary).toContain("RegisterTaskDefinition app refused");
      expect(r.verdict.summary).toContain(text);
      expect(outcomes(r, rule)).toContain("denied");
    }
  });
});

describe("R12 DAEMON on Fargate is reported even when the EBS check (R42) also refuses", () => {
  it.each([
    { title: "DAEMON + EBS on Fargate", launch: "", denied: ["R12", "R42"] },
    { title: "DAEMON + EBS on EC2", launch: "instances: [{ type: m5.large }]\n", denied: ["R42"] },
  ])("R12: $title", ({ launch, denied }) => {
    const r = simulate(`${launch}taskDefinition:
  cpu: 256
  memory: 512
  volumes: [{ name: d, configuredAtLaunch: true }]
  containers: [{ memory: 256 }]
service: { schedulingStrategy: DAEMON, volumeConfigurations: [{ name: d, roleArn: ecsInfrastructureRole }] }`);
    const deniedIds = r.rules.filter((x) => x.outcome === "denied").map((x) => x.id);
    expect(deniedIds).toEqual(denied);
    expect(r.verdict.summary).toContain(`(${denied[0]})`);
  });
});
