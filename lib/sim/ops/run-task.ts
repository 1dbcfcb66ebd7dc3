import type { Sim } from "../engine/context";
import type { RunTaskStep } from "../model";
import { createTasks, placeAndStart, validateLaunch } from "./launch";

/**
 * RunTask: standalone tasks. With no strategy the simulator picks at random
 * among the instances that fit (AWS documents a default strategy only for
 * services, R09). Nothing restarts a standalone task that stops.
 */
export function runTask(sim: Sim, step: RunTaskStep): void {
  const td = sim.taskDefs.get(step.taskDefinition);
  if (!td) {
    const message = `RunTask refused: task definition ${step.taskDefinition} is not registered`;
    sim.emit("reject", message, { subject: step.taskDefinition });
    sim.problem("error", message);
    return;
  }
  const launch = validateLaunch(sim, td, step, false);
  if ("error" in launch) {
    sim.deny(launch.ruleId, `RunTask ${step.taskDefinition} refused: ${launch.error}`, {
      subject: step.taskDefinition,
    });
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
    `RunTask ${td.spec.family}:${td.revision} × ${step.count} (${launch.plan.strategy ? "capacity provider strategy" : launch.plan.launchType})`,
    {
      subject: td.spec.family,
    },
  );
  placeAndStart(sim, tasks);
}
