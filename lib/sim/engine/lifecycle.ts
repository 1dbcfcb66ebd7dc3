import { deregisterTargets } from "../rules/load-balancing";
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
  reason: string,
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
  task.st.failureReason = reason;
  sim.emit("stopped", `${task.st.id} STOPPED: ${reason}`, {
    ruleId: opts.ruleId,
    subject: task.st.id,
    dt: opts.dt ?? 0,
  });
}
