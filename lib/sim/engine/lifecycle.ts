import { deregisterTargets } from "../rules/load-balancing";
import { english, isMsg, m, type Text } from "../text";
import type { Sim, TaskRec } from "./context";
import { release } from "./resources";

/** True when the task holds a place: an instance on EC2, an ENI on Fargate. */
export function isPlaced(task: TaskRec): boolean {
  return task.st.instanceId !== null || (task.via.launchType === "FARGATE" && task.st.eni !== null);
}

/** Stops a task, gives back its instance resources and load balancer targets. */
export function stopTask(
  sim: Sim,
  task: TaskRec,
  reason: Text,
  opts: { ruleId?: string; dt?: number } = {},
): void {
  if (task.st.state === "STOPPED") return;
  const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
  if (inst) release(sim, task, inst);
  else if (task.via.launchType === "FARGATE" && task.st.az) {
    const counts = sim.fargateAzCounts(task.st.group, task.via.provider);
    counts.set(task.st.az, (counts.get(task.st.az) ?? 1) - 1);
  }
  deregisterTargets(sim, task);
  task.st.state = "STOPPED";
  setFailure(task, reason);
  sim.emit("stopped", m("engine.lifecycle.stopped", { taskId: task.st.id, reason }), {
    ruleId: opts.ruleId,
    subject: task.st.id,
    dt: opts.dt ?? 0,
  });
}

/** Records why a task is not running, in English for the state and as a message for the interface. */
export function setFailure(task: TaskRec, reason: Text | null): void {
  task.st.failureReason = reason === null ? null : english(reason);
  if (reason !== null && isMsg(reason)) task.st.failureMsg = reason;
  else delete task.st.failureMsg;
}
