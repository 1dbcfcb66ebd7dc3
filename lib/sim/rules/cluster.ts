import { isAllowed } from "../aws/iam";
import type { InstanceRec, ServiceRec, Sim } from "../engine/context";
import type { NetworkMode, ServiceSpec, TaskDefinitionSpec } from "../model";
import { trustError } from "./iam";

/**
 * Cluster rules: how instances join (R01, R02), the network mode a task
 * definition gets (R04, R16 for Fargate) and DAEMON services (R12).
 */

/** Registers one instance with its agent; returns whether it joined the scenario's cluster. */
export function registerInstance(sim: Sim, inst: InstanceRec): boolean {
  const { spec } = inst;
  const clusterName = sim.scenario.cluster.name;
  if (!spec.ecsOptimizedAmi) {
    sim.rule(
      "R01",
      "denied",
      `${spec.id} runs an AMI without the ECS agent, so nothing registers it in any cluster`,
    );
    sim.emit("instance", `${spec.id} has no ECS agent and never registers`, {
      ruleId: "R01",
      subject: spec.id,
    });
    sim.problem("partial", `Instance ${spec.id} never registers: its AMI has no ECS agent (R01)`);
    return false;
  }
  const role = sim.role(spec.instanceProfile);
  const lacks = !role
    ? "has no instance profile"
    : trustError(role, "ec2.amazonaws.com")
      ? `has role ${role.name}, which ${trustError(role, "ec2.amazonaws.com")}`
      : !isAllowed(role.actions, "ecs:RegisterContainerInstance")
        ? `has role ${role.name}, which does not allow ecs:RegisterContainerInstance (attach AmazonEC2ContainerServiceforEC2Role)`
        : null;
  sim.recordCall({
    principal: role?.name ?? "(none)",
    via: role ? "instanceProfile" : "none",
    action: "ecs:RegisterContainerInstance",
    service: "ECS",
    taskId: null,
    allowed: lacks === null,
    ruleId: "R02",
  });
  if (lacks !== null) {
    const message = `Instance ${spec.id} cannot register: it ${lacks}`;
    sim.rule("R02", "denied", `${message}. The container instance role is how ECS knows the agent is yours.`);
    sim.emit("instance", `${message} (R02)`, { ruleId: "R02", subject: spec.id });
    sim.problem("partial", `${message} (R02)`);
    return false;
  }
  sim.rule(
    "R02",
    "allowed",
    `The instance profile ${role?.name} lets the agent on ${spec.id} call ecs:RegisterContainerInstance`,
  );
  const joined = spec.ecsCluster ?? "default";
  inst.st.status = "ACTIVE";
  inst.st.cluster = joined;
  if (spec.ecsCluster === null) {
    sim.rule(
      "R01",
      "applied",
      `The user data of ${spec.id} does not set ECS_CLUSTER, so the agent registers it in "default"`,
      "unset",
    );
  } else {
    sim.rule(
      "R01",
      "applied",
      `The user data of ${spec.id} sets ECS_CLUSTER=${joined}, so the agent registers it there`,
    );
  }
  sim.emit("instance", `${spec.id} (${spec.type}, ${spec.az}) registered in cluster ${joined}`, {
    ruleId: "R01",
    subject: spec.id,
  });
  if (joined !== clusterName) {
    sim.problem("partial", `Instance ${spec.id} joined cluster "${joined}", not "${clusterName}" (R01)`);
    sim.rule(
      "R01",
      "denied",
      `${spec.id} registered in "${joined}", so cluster "${clusterName}" cannot place tasks on it`,
    );
    return false;
  }
  return true;
}

/**
 * The network mode a task definition gets at registration, or a rejection.
 * Fargate needs awsvpc (R16); Linux EC2 defaults to bridge and Windows to its
 * own default, with awsvpc as the other Windows choice (R04).
 */
export function resolveNetworkMode(
  sim: Sim,
  td: TaskDefinitionSpec,
): { mode: NetworkMode } | { error: string; ruleId: string } {
  const fargate = td.requiresCompatibilities.includes("FARGATE");
  const asked = td.networkMode === "default" && td.os === "linux" ? null : td.networkMode;
  if (fargate) {
    if (asked !== null && asked !== "awsvpc") {
      return {
        ruleId: "R16",
        error: `Task definition ${td.family} is Fargate-compatible but uses ${asked}: Fargate supports only awsvpc`,
      };
    }
    sim.rule("R16", "allowed", `${td.family} uses awsvpc, as Fargate requires: each task gets its own ENI`);
    return { mode: "awsvpc" };
  }
  if (td.os === "windows") {
    if (asked !== null && asked !== "default" && asked !== "awsvpc") {
      return {
        ruleId: "R04",
        error: `Windows task definition ${td.family} uses ${asked}: Windows supports only default or awsvpc`,
      };
    }
    const mode = asked ?? "default";
    sim.rule("R04", "applied", `Windows task definition ${td.family} uses the ${mode} network mode`);
    return { mode };
  }
  if (asked === null) {
    sim.rule("R04", "applied", `${td.family} names no networkMode, so on Linux EC2 it uses bridge`);
    return { mode: "bridge" };
  }
  return { mode: asked };
}

/** DAEMON services: EC2 only, ECS deployment controller only, no strategy (R12). */
export function daemonError(spec: ServiceSpec, usesFargate: boolean): string | null {
  if (spec.schedulingStrategy !== "DAEMON") return null;
  if (usesFargate) return `Service ${spec.name} uses DAEMON scheduling, which Fargate does not support`;
  if (spec.deploymentController !== "ECS") {
    return `Service ${spec.name} uses DAEMON scheduling with the ${spec.deploymentController} deployment controller; DAEMON needs ECS`;
  }
  if (spec.placementStrategy?.length)
    return `Service ${spec.name} uses DAEMON scheduling, which takes no placement strategy`;
  return null;
}

/** Instances a DAEMON service should cover: every active instance, filtered later by constraints. */
export function daemonTargets(sim: Sim, svc: ServiceRec): InstanceRec[] {
  const has = new Set(
    sim.liveTasks((t) => t.service === svc && t.st.instanceId !== null).map((t) => t.st.instanceId),
  );
  return sim.activeInstances().filter((i) => !has.has(i.spec.id));
}
