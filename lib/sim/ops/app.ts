import type { Sim, TaskRec } from "../engine/context";
import { appCall, readInstanceMetadata } from "../rules/credentials";
import { pullImage, setupLogs } from "../rules/iam";
import { checkMount } from "../rules/storage-mount";
import { m } from "../text";

/**
 * What a container does once it runs: AWS calls (R25, R26), image pulls,
 * log shipping, volume mounts and IMDS reads. `from` is a service, a task
 * definition family or a task id, optionally followed by /container.
 */
function resolve(sim: Sim, from: string): { task: TaskRec; container: string } | null {
  const [head = "", container] = from.split("/");
  const matches = sim.tasks.filter(
    (t) => t.st.id === head || t.st.service === head || (t.st.family === head && !t.st.service),
  );
  const pool = matches.length ? matches : sim.tasks.filter((t) => t.st.family === head);
  const task = pool.find((t) => t.st.state === "RUNNING");
  if (!task) {
    const last = pool[pool.length - 1];
    const why = last
      ? `${last.st.id} is ${last.st.state}${last.st.failureReason ? ` (${last.st.failureReason})` : ""}`
      : m("engine.app.noTaskWasStarted");
    const message = m("engine.app.noRunningTaskOf", { head, why });
    sim.emit("info", message, { subject: head });
    sim.problem("error", message);
    return null;
  }
  return { task, container: container ?? task.td.spec.containers[0]?.name ?? "app" };
}

export function call(sim: Sim, action: string, from: string): void {
  const r = resolve(sim, from);
  if (r) appCall(sim, r.task, r.container, action);
}

export function imagePull(sim: Sim, from: string): void {
  const r = resolve(sim, from);
  if (!r) return;
  for (const c of r.task.td.spec.containers) {
    if (!pullImage(sim, r.task, c)) return;
    sim.highlight(m("engine.app.pulls", { rId: r.task.st.id, image: c.image }));
  }
}

export function shipLogs(sim: Sim, from: string): void {
  const r = resolve(sim, from);
  if (!r) return;
  const containers = r.task.td.spec.containers.filter((c) => c.logDriver === "awslogs");
  if (containers.length === 0) {
    sim.emit("logs", m("engine.app.hasNoContainerWith", { rId: r.task.st.id }), { subject: r.task.st.id });
    return;
  }
  for (const c of containers) {
    if (!setupLogs(sim, r.task, c)) return;
    sim.highlight(m("engine.app.shipsLogsToCloudwatch", { rId: r.task.st.id, cName: c.name }));
  }
}

export function mountVolume(sim: Sim, from: string, volume: string | null): void {
  const r = resolve(sim, from);
  if (r) checkMount(sim, r.task, volume);
}

export function instanceMetadata(sim: Sim, from: string): void {
  const r = resolve(sim, from);
  if (r) readInstanceMetadata(sim, r.task);
}
