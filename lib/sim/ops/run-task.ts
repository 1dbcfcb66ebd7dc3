import type { Sim } from "../engine/context";
import type { RunTaskStep } from "../model";
import { m } from "../text";
import { createTasks, placeAndStart, validateLaunch } from "./launch";

/**
 * RunTask: standalone tasks. With no strategy the simulator picks at random
 * among the instances that fit (AWS documents a default strategy only for
 * services, R09). Nothing restarts a standalone task that stops.
 */
export function runTask(sim: Sim, step: RunTaskStep): void {
  const td = sim.taskDefs.get(step.taskDefinition);
  if (!td) {
    const message = m("engine.runTask.runtaskRefusedTaskDefinition", { taskDefinition: step.taskDefinition });
    sim.emit("reject", message, { subject: step.taskDefinition });
    sim.problem("error", message);
    return;
  }
  const launch = validateLaunch(sim, td, step, false);
  if ("error" in launch) {
    sim.deny(
      launch.ruleId,
      m("engine.runTask.runtaskRefused", { taskDefinition: step.taskDefinition, error: launch.error }),
      {
        subject: step.taskDefinition,
      },
    );
    return;
  }
  const fargate = launch.plan.launchType === "FARGATE";
  const strategy = fargate ? [] : (step.placementStrategy ?? [{ type: "random" as const }]);
  const tasks = createTasks(
    sim,
    {
      td,
      plan: launch.plan,
      opts: step,
      service: null,
      group: step.group ?? `family:${td.spec.family}`,
      strategy,
      constraints: [...td.spec.placementConstraints, ...step.placementConstraints],
    },
    step.count,
  );
  sim.emit(
    "service",
    m("engine.runTask.runtask", {
      tdFamily: td.spec.family,
      revision: td.revision,
      count: step.count,
      p: launch.plan.strategy ? m("engine.runTask.capacityProviderStrategy") : launch.plan.launchType,
    }),
    {
      subject: td.spec.family,
    },
  );
  placeAndStart(sim, tasks);
}
