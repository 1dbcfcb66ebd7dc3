import { isAllowed, serviceOf } from "../aws/iam";
import type { Sim, TaskRec } from "../engine/context";
import type { RoleCall, RoleSpec } from "../model";
import { trustError } from "./iam";

/**
 * Credentials inside a container: the task role (R25), or on EC2 the
 * instance role through IMDS when nothing blocks it (R26). Execution-role
 * credentials are never visible to the application.
 */

/** Whether a container in this task can reach the instance metadata service (R26). */
export function imdsReachable(sim: Sim, task: TaskRec): { reachable: boolean; why: string } {
  if (task.via.launchType === "FARGATE") {
    return { reachable: false, why: "Fargate tasks have no EC2 instance metadata to read" };
  }
  const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
  if (!inst) return { reachable: false, why: "the task is not on an instance" };
  if (task.st.networkMode === "awsvpc") {
    return inst.spec.agent.blockImdsForAwsvpc
      ? {
          reachable: false,
          why: `ECS_AWSVPC_BLOCK_IMDS=true on ${inst.spec.id} blocks IMDS for awsvpc tasks`,
        }
      : {
          reachable: true,
          why: `nothing on ${inst.spec.id} blocks IMDS for awsvpc tasks (ECS_AWSVPC_BLOCK_IMDS is not set)`,
        };
  }
  if (task.st.networkMode === "host") {
    return { reachable: true, why: `host-mode containers share ${inst.spec.id}'s network and reach IMDS` };
  }
  return inst.spec.iptablesBlockImds
    ? { reachable: false, why: `an iptables rule on ${inst.spec.id} blocks IMDS for bridge containers` }
    : { reachable: true, why: `no iptables rule on ${inst.spec.id} blocks IMDS for bridge containers` };
}

/** An application call such as s3:PutObject from a container; returns whether AWS allowed it. */
export function appCall(sim: Sim, task: TaskRec, container: string, action: string): boolean {
  const id = task.st.id;
  const td = task.td.spec;
  const exec = sim.role(td.executionRole);
  const execNote =
    exec && isAllowed(exec.actions, action)
      ? ` The execution role ${exec.name} allows ${action}, but its credentials go to the ECS agent only, never to containers.`
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
  const outcome = (allowed: boolean, ruleId: string, detail: string) => {
    const message =
      `${id}/${container} calls ${action}: ${allowed ? "allowed" : "AccessDenied"}. ${detail}`.trim();
    if (allowed) {
      sim.rule(ruleId, "allowed", detail);
      sim.emit("call", message, { ruleId, subject: id });
      sim.highlight(`${action} from ${id} allowed (${ruleId})`);
    } else {
      const reason = detail.charAt(0).toLowerCase() + detail.slice(1);
      sim.deny(ruleId, `${id}/${container} is denied ${action}: ${reason}`, { subject: id, kind: "call" });
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
        `the SDK tries the task role first, but the task role ${taskRole.name} ${trust}.${execNote}`,
      );
    return outcome(
      allowed,
      "R25",
      allowed
        ? `The SDK uses the task role ${taskRole.name}, which allows ${action}.`
        : `The SDK uses the task role ${taskRole.name}, which does not allow ${action}.${execNote}`,
    );
  }
  const imds = imdsReachable(sim, task);
  if (imds.reachable) {
    const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
    const role = sim.role(inst?.spec.instanceProfile ?? null);
    const allowed = role !== null && isAllowed(role.actions, action);
    record(role, "instanceProfile", allowed, "R26");
    sim.rule(
      "R26",
      "applied",
      `No task role: the SDK fell back to the instance role through IMDS because ${imds.why}`,
    );
    return outcome(
      allowed,
      allowed ? "R26" : "R25",
      allowed
        ? `No task role, so the SDK used the instance role ${role?.name} from IMDS (${imds.why}); every container on the instance gets the same power.`
        : `No task role, so the SDK used the instance role ${role?.name ?? "(none)"} from IMDS, which does not allow ${action}. Give the task a task role.${execNote}`,
    );
  }
  record(null, "none", false, "R25");
  if (task.via.launchType === "EC2") sim.rule("R26", "denied", `IMDS is out of reach: ${imds.why}`);
  return outcome(
    false,
    "R25",
    `The task has no task role and ${imds.why}, so the SDK finds no credentials.${execNote}`,
  );
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
      `A container in ${task.st.id} read IMDS: ${imds.why}, so it can take the instance role ${role}'s credentials`,
    );
    sim.emit("imds", `${task.st.id} read 169.254.169.254 and got the credentials of ${role}`, {
      ruleId: "R26",
      subject: task.st.id,
    });
    sim.highlight(`${task.st.id} can read the instance role ${role} through IMDS (R26)`);
    return true;
  }
  sim.rule("R26", "denied", `${task.st.id} could not read IMDS: ${imds.why}`);
  sim.emit("imds", `${task.st.id} cannot reach 169.254.169.254: ${imds.why}`, {
    ruleId: "R26",
    subject: task.st.id,
  });
  sim.highlight(`IMDS is blocked for ${task.st.id} (R26)`);
  return false;
}
