import { isAllowed } from "../aws/iam";
import type { InstanceRec, ServiceRec, Sim } from "../engine/context";
import type { NetworkMode, ServiceSpec, TaskDefinitionSpec } from "../model";
import { m, type Text } from "../text";
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
    sim.rule("R01", "denied", m("engine.cluster.runsAnAmiWithout", { specId: spec.id }));
    sim.emit("instance", m("engine.cluster.hasNoEcsAgent", { specId: spec.id }), {
      ruleId: "R01",
      subject: spec.id,
    });
    sim.problem("partial", m("engine.cluster.instanceNeverRegistersIts", { specId: spec.id }));
    return false;
  }
  const role = sim.role(spec.instanceProfile);
  const lacks = !role
    ? m("engine.cluster.hasNoInstanceProfile")
    : trustError(role, "ec2.amazonaws.com")
      ? m("engine.cluster.hasRoleWhich", { roleName: role.name, p: trustError(role, "ec2.amazonaws.com") })
      : !isAllowed(role.actions, "ecs:RegisterContainerInstance")
        ? m("engine.cluster.hasRoleWhichDoes", { roleName: role.name })
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
    const message = m("engine.cluster.instanceCannotRegisterIt", { specId: spec.id, lacks });
    sim.rule("R02", "denied", m("engine.cluster.theContainerInstanceRole", { message }));
    sim.emit("instance", m("engine.cluster.r", { message }), { ruleId: "R02", subject: spec.id });
    sim.problem("partial", m("engine.cluster.r", { message }));
    return false;
  }
  sim.rule(
    "R02",
    "allowed",
    m("engine.cluster.theInstanceProfileLets", { roleName: role?.name, specId: spec.id }),
  );
  const joined = spec.ecsCluster ?? "default";
  inst.st.status = "ACTIVE";
  inst.st.cluster = joined;
  if (spec.ecsCluster === null) {
    sim.rule("R01", "applied", m("engine.cluster.theUserDataOf", { specId: spec.id }), "unset");
  } else {
    sim.rule("R01", "applied", m("engine.cluster.theUserDataOf2", { specId: spec.id, joined }));
  }
  sim.emit(
    "instance",
    m("engine.cluster.registeredInCluster", { specId: spec.id, specType: spec.type, az: spec.az, joined }),
    {
      ruleId: "R01",
      subject: spec.id,
    },
  );
  if (joined !== clusterName) {
    sim.problem(
      "partial",
      m("engine.cluster.instanceJoinedClusterNot", { specId: spec.id, joined, clusterName }),
    );
    sim.rule(
      "R01",
      "denied",
      m("engine.cluster.registeredInSoCluster", { specId: spec.id, joined, clusterName }),
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
): { mode: NetworkMode } | { error: Text; ruleId: string } {
  const fargate = td.requiresCompatibilities.includes("FARGATE");
  const asked = td.networkMode === "default" && td.os === "linux" ? null : td.networkMode;
  if (fargate) {
    if (asked !== null && asked !== "awsvpc") {
      return {
        ruleId: "R16",
        error: m("engine.cluster.taskDefinitionIsFargate", { tdFamily: td.family, asked }),
      };
    }
    sim.rule("R16", "allowed", m("engine.cluster.usesAwsvpcAsFargate", { tdFamily: td.family }));
    return { mode: "awsvpc" };
  }
  if (td.os === "windows") {
    if (asked !== null && asked !== "default" && asked !== "awsvpc") {
      return {
        ruleId: "R04",
        error: m("engine.cluster.windowsTaskDefinitionUses", { tdFamily: td.family, asked }),
      };
    }
    const mode = asked ?? "default";
    sim.rule("R04", "applied", m("engine.cluster.windowsTaskDefinitionUses2", { tdFamily: td.family, mode }));
    return { mode };
  }
  if (asked === null) {
    sim.rule("R04", "applied", m("engine.cluster.namesNoNetworkmodeSo", { tdFamily: td.family }));
    return { mode: "bridge" };
  }
  return { mode: asked };
}

/** DAEMON services: EC2 only, ECS deployment controller only, no strategy (R12). */
export function daemonError(spec: ServiceSpec, usesFargate: boolean): Text | null {
  if (spec.schedulingStrategy !== "DAEMON") return null;
  if (usesFargate) return m("engine.cluster.serviceUsesDaemonScheduling", { specName: spec.name });
  if (spec.deploymentController !== "ECS") {
    return m("engine.cluster.serviceUsesDaemonScheduling2", {
      specName: spec.name,
      deploymentController: spec.deploymentController,
    });
  }
  if (spec.placementStrategy?.length)
    return m("engine.cluster.serviceUsesDaemonScheduling3", { specName: spec.name });
  return null;
}

/** Instances a DAEMON service should cover: every active instance, filtered later by constraints. */
export function daemonTargets(sim: Sim, svc: ServiceRec): InstanceRec[] {
  const has = new Set(
    sim.liveTasks((t) => t.service === svc && t.st.instanceId !== null).map((t) => t.st.instanceId),
  );
  return sim.activeInstances().filter((i) => !has.has(i.spec.id));
}
