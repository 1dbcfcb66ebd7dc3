import type { Sim, TaskRec } from "../engine/context";
import { stopTask } from "../engine/lifecycle";
import { pick } from "../rng";
import { reconcile } from "./scheduler";

/** Replaces the service tasks that were stopped, service by service. */
function replace(sim: Sim, stopped: TaskRec[]): void {
  const services = [...new Set(stopped.flatMap((t) => (t.service ? [t.service] : [])))];
  for (const svc of services) reconcile(sim, svc);
  for (const t of stopped.filter((x) => !x.service)) {
    sim.problem(
      "partial",
      `Standalone task ${t.st.id} is gone and nothing restarts it (only services replace tasks)`,
    );
  }
}

/** An instance dies: its tasks stop; services replace theirs elsewhere (R03 decides where). */
export function failInstance(sim: Sim, id: string): void {
  const inst = sim.instanceById.get(id);
  if (!inst) return;
  const tasks = sim.liveTasks((t) => t.st.instanceId === id);
  inst.st.status = "FAILED";
  sim.emit("instance", `${id} failed; ${tasks.length} task(s) on it stop`, { subject: id });
  for (const t of tasks) stopTask(sim, t, `Instance ${id} failed`);
  replace(sim, tasks);
}

/**
 * DRAINING: no new tasks; service tasks move elsewhere first. Standalone
 * tasks keep running until they stop on their own.
 */
export function drainInstance(sim: Sim, id: string): void {
  const inst = sim.instanceById.get(id);
  if (!inst) return;
  inst.st.status = "DRAINING";
  const tasks = sim.liveTasks((t) => t.st.instanceId === id);
  const serviceTasks = tasks.filter((t) => t.service);
  sim.emit(
    "drain",
    `${id} is DRAINING: ${serviceTasks.length} service task(s) move, ${tasks.length - serviceTasks.length} standalone task(s) keep running`,
    {
      subject: id,
    },
  );
  for (const t of serviceTasks) stopTask(sim, t, `Instance ${id} is draining`);
  const services = [...new Set(serviceTasks.flatMap((t) => (t.service ? [t.service] : [])))];
  for (const svc of services) reconcile(sim, svc);
  sim.highlight(`${id} drained: ${serviceTasks.length} service task(s) moved, standalone tasks left running`);
}

/**
 * Fargate Spot reclaims capacity (R20): a two-minute warning as an
 * EventBridge task state change and SIGTERM, then the task stops after its
 * stopTimeout (at most 120 s). A service replaces it with the same strategy;
 * nothing falls back to FARGATE on its own.
 */
export function spotInterruption(sim: Sim, target: string | null): void {
  const spot = sim.liveTasks((t) => t.via.provider === "FARGATE_SPOT" && t.st.state === "RUNNING");
  const chosen = target
    ? spot.find((t) => t.st.id === target || t.st.service === target || t.st.family === target)
    : pick(sim.rng, spot);
  if (!chosen) {
    sim.emit(
      "spot",
      `No running Fargate Spot task${target ? ` matches ${target}` : ""}: nothing to interrupt`,
      { ruleId: "R20" },
    );
    return;
  }
  const id = chosen.st.id;
  const timeout = Math.min(120, Math.max(...chosen.td.spec.containers.map((c) => c.stopTimeout ?? 30)));
  sim.emit(
    "spot",
    `Fargate Spot reclaims ${id}: two-minute warning sent as an EventBridge task state change`,
    { ruleId: "R20", subject: id },
  );
  sim.emit("spot", `SIGTERM to the containers of ${id}; SIGKILL after stopTimeout ${timeout} s`, {
    ruleId: "R20",
    subject: id,
    dt: 1,
  });
  stopTask(sim, chosen, "SpotInterruption: Fargate Spot capacity reclaimed", { ruleId: "R20", dt: timeout });
  sim.rule(
    "R20",
    "applied",
    `Spot interruption of ${id}: warning via EventBridge and SIGTERM, stopped after ${timeout} s; ECS does not fall back to On-Demand FARGATE by itself`,
  );
  if (chosen.service) {
    sim.t += timeout;
    reconcile(sim, chosen.service);
    const replacement = sim.tasks[sim.tasks.length - 1];
    if (replacement && replacement !== chosen && replacement.service === chosen.service) {
      sim.highlight(
        `${id} was reclaimed by Fargate Spot and replaced by ${replacement.st.id} on ${replacement.via.provider} (R20)`,
      );
    }
  } else {
    sim.problem("partial", `Fargate Spot reclaimed standalone task ${id}; nothing replaces it (R20)`);
  }
}
