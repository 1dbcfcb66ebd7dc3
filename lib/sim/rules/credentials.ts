import { isAllowed, serviceOf } from "../aws/iam";
import type { Sim, TaskRec } from "../engine/context";
import type { RoleCall, RoleSpec } from "../model";
import { english, m, type Text, withEnglish } from "../text";
import { trustError } from "./iam";

/**
 * Credentials inside a container: the task role (R25), or on EC2 the
 * instance role through IMDS when nothing blocks it (R26). Execution-role
 * credentials are never visible to the application.
 */

/** Whether a container in this task can reach the instance metadata service (R26). */
export function imdsReachable(sim: Sim, task: TaskRec): { reachable: boolean; why: Text } {
  if (task.via.launchType === "FARGATE") {
    return { reachable: false, why: m("engine.credentials.fargateTasksHaveNo") };
  }
  const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
  if (!inst) return { reachable: false, why: m("engine.credentials.theTaskIsNot") };
  if (task.st.networkMode === "awsvpc") {
    return inst.spec.agent.blockImdsForAwsvpc
      ? {
          reachable: false,
          why: m("engine.credentials.ecsAwsvpcBlockImds", { instId: inst.spec.id }),
        }
      : {
          reachable: true,
          why: m("engine.credentials.nothingOnBlocksImds", { instId: inst.spec.id }),
        };
  }
  if (task.st.networkMode === "host") {
    return {
      reachable: true,
      why: m("engine.credentials.hostModeContainersShare", { instId: inst.spec.id }),
    };
  }
  return inst.spec.iptablesBlockImds
    ? { reachable: false, why: m("engine.credentials.anIptablesRuleOn", { instId: inst.spec.id }) }
    : { reachable: true, why: m("engine.credentials.noIptablesRuleOn", { instId: inst.spec.id }) };
}

/** An application call such as s3:PutObject from a container; returns whether AWS allowed it. */
export function appCall(sim: Sim, task: TaskRec, container: string, action: string): boolean {
  const id = task.st.id;
  const td = task.td.spec;
  const exec = sim.role(td.executionRole);
  const execNote =
    exec && isAllowed(exec.actions, action)
      ? m("engine.credentials.theExecutionRoleAllows", { execName: exec.name, action })
      : "";
  const record = (role: RoleSpec | null, via: RoleCall["via"], allowed: boolean, ruleId: string) =>
    sim.recordCall({
      principal: role?.name ?? "(none)",
      via,
      action,
      service: serviceOf(action),
      taskId: id,
      allowed,
      ruleId,
    });
  const outcome = (allowed: boolean, ruleId: string, detail: Text) => {
    const result = allowed ? m("engine.credentials.allowed") : "AccessDenied";
    const message = english(detail)
      ? m("engine.credentials.calls", { id, container, action, result, detail })
      : m("engine.credentials.callsBare", { id, container, action, result });
    if (allowed) {
      sim.rule(ruleId, "allowed", detail);
      sim.emit("call", message, { ruleId, subject: id });
      sim.highlight(m("engine.credentials.fromAllowed", { action, id, ruleId }));
    } else {
      // The detail is a sentence; here it continues one, so English starts it in lower case.
      const en = english(detail);
      const reason = withEnglish(detail, en.charAt(0).toLowerCase() + en.slice(1));
      sim.deny(ruleId, m("engine.credentials.isDenied", { id, container, action, reason }), {
        subject: id,
        kind: "call",
      });
    }
    return allowed;
  };

  const taskRole = sim.role(td.taskRole);
  if (taskRole) {
    const trust = trustError(taskRole, "ecs-tasks.amazonaws.com");
    const allowed = trust === null && isAllowed(taskRole.actions, action);
    record(taskRole, "taskRole", allowed, "R25");
    if (trust)
      return outcome(
        false,
        "R25",
        m("engine.credentials.theSdkTriesThe", { taskRoleName: taskRole.name, trust, execNote }),
      );
    return outcome(
      allowed,
      "R25",
      allowed
        ? m("engine.credentials.theSdkUsesThe", { taskRoleName: taskRole.name, action })
        : m("engine.credentials.theSdkUsesThe2", { taskRoleName: taskRole.name, action, execNote }),
    );
  }
  const imds = imdsReachable(sim, task);
  if (imds.reachable) {
    const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
    const role = sim.role(inst?.spec.instanceProfile ?? null);
    const allowed = role !== null && isAllowed(role.actions, action);
    record(role, "instanceProfile", allowed, "R26");
    sim.rule("R26", "applied", m("engine.credentials.noTaskRoleThe", { why: imds.why }));
    return outcome(
      allowed,
      allowed ? "R26" : "R25",
      allowed
        ? m("engine.credentials.noTaskRoleSo", { roleName: role?.name, why: imds.why })
        : m("engine.credentials.noTaskRoleSo2", { p: role?.name ?? "(none)", action, execNote }),
    );
  }
  record(null, "none", false, "R25");
  if (task.via.launchType === "EC2")
    sim.rule("R26", "denied", m("engine.credentials.imdsIsOutOf", { why: imds.why }));
  return outcome(false, "R25", m("engine.credentials.theTaskHasNo", { why: imds.why, execNote }));
}

/** A container reads IMDS (R26): the instance role's credentials are exposed when reachable. */
export function readInstanceMetadata(sim: Sim, task: TaskRec): boolean {
  const imds = imdsReachable(sim, task);
  const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
  if (imds.reachable) {
    const role = inst?.spec.instanceProfile ?? "(none)";
    sim.rule(
      "R26",
      "applied",
      m("engine.credentials.aContainerInRead", { taskId: task.st.id, why: imds.why, role }),
    );
    sim.emit("imds", m("engine.credentials.readAndGotThe", { taskId: task.st.id, role }), {
      ruleId: "R26",
      subject: task.st.id,
    });
    sim.highlight(m("engine.credentials.canReadTheInstance", { taskId: task.st.id, role }));
    return true;
  }
  sim.rule("R26", "denied", m("engine.credentials.couldNotReadImds", { taskId: task.st.id, why: imds.why }));
  sim.emit("imds", m("engine.credentials.cannotReach", { taskId: task.st.id, why: imds.why }), {
    ruleId: "R26",
    subject: task.st.id,
  });
  sim.highlight(m("engine.credentials.imdsIsBlockedFor", { taskId: task.st.id }));
  return false;
}
