import type { Sim, TaskRec } from "../engine/context";
import { stopTask } from "../engine/lifecycle";
import { pick } from "../rng";
import { m } from "../text";
import { reconcile } from "./scheduler";

/** Replaces the service tasks that were stopped, service by service. */
function replace(sim: Sim, stopped: TaskRec[]): void {
  const services = [...new Set(stopped.flatMap((t) => (t.service ? [t.service] : [])))];
  for (const svc of services) reconcile(sim, svc);
  for (const t of stopped.filter((x) => !x.service)) {
    sim.problem("partial", m("engine.instances.standaloneTaskIsGone", { tId: t.st.id }));
  }
}

/** An instance dies: its tasks stop; services replace theirs elsewhere (R03 decides where). */
export function failInstance(sim: Sim, id: string): void {
  const inst = sim.instanceById.get(id);
  if (!inst) return;
  const tasks = sim.liveTasks((t) => t.st.instanceId === id);
  inst.st.status = "FAILED";
  sim.emit("instance", m("engine.instances.failedTaskSOn", { id, tasksLength: tasks.length }), {
    subject: id,
  });
  for (const t of tasks) stopTask(sim, t, m("engine.instances.instanceFailed", { id }));
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
    m("engine.instances.isDrainingServiceTask", {
      id,
      serviceTasksLength: serviceTasks.length,
      p: tasks.length - serviceTasks.length,
    }),
    {
      subject: id,
    },
  );
  for (const t of serviceTasks) stopTask(sim, t, m("engine.instances.instanceIsDraining", { id }));
  const services = [...new Set(serviceTasks.flatMap((t) => (t.service ? [t.service] : [])))];
  for (const svc of services) reconcile(sim, svc);
  sim.highlight(m("engine.instances.drainedServiceTaskS", { id, serviceTasksLength: serviceTasks.length }));
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
    sim.emit("spot", m("engine.instances.noRunningFargateSpot", { p: target ? ` matches ${target}` : "" }), {
      ruleId: "R20",
    });
    return;
  }
  const id = chosen.st.id;
  const timeout = Math.min(120, Math.max(...chosen.td.spec.containers.map((c) => c.stopTimeout ?? 30)));
  sim.emit("spot", m("engine.instances.fargateSpotReclaimsTwo", { id }), { ruleId: "R20", subject: id });
  sim.emit("spot", m("engine.instances.sigtermToTheContainers", { id, timeout }), {
    ruleId: "R20",
    subject: id,
    dt: 1,
  });
  stopTask(sim, chosen, m("engine.instances.spotinterruptionFargateSpotCapacity"), {
    ruleId: "R20",
    dt: timeout,
  });
  sim.rule("R20", "applied", m("engine.instances.spotInterruptionOfWarning", { id, timeout }));
  if (chosen.service) {
    sim.t += timeout;
    reconcile(sim, chosen.service);
    const replacement = sim.tasks[sim.tasks.length - 1];
    if (replacement && replacement !== chosen && replacement.service === chosen.service) {
      sim.highlight(
        m("engine.instances.wasReclaimedByFargate", {
          id,
          replacementId: replacement.st.id,
          provider: replacement.via.provider,
        }),
      );
    }
  } else {
    sim.problem("partial", m("engine.instances.fargateSpotReclaimedStandalone", { id }));
  }
}
