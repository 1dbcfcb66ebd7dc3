import type { ServiceRec, Sim, TaskRec } from "../engine/context";
import { isPlaced, stopTask } from "../engine/lifecycle";
import { daemonTargets } from "../rules/cluster";
import { chooseToStop, constraintsAllow } from "../rules/placement";
import { createTasks, type LaunchRequest, placeAndStart } from "./launch";

/**
 * The service scheduler's loop: keep the desired count (REPLICA) or one task
 * per instance (DAEMON, R12), replace tasks that fail health checks (R35),
 * note when spread was only best effort (R09) and scale in by strategy (R13).
 */

function request(svc: ServiceRec): LaunchRequest {
  return {
    td: svc.td,
    plan: { launchType: svc.st.launchType ?? "EC2", strategy: svc.st.capacityProviderStrategy },
    opts: svc.spec,
    service: svc,
    group: `service:${svc.spec.name}`,
    strategy: svc.strategy,
    constraints: [...svc.td.spec.placementConstraints, ...svc.spec.placementConstraints],
  };
}

/** Brings a service to its desired state, replacing tasks that fail health checks once. */
export function reconcile(sim: Sim, svc: ServiceRec): void {
  const unhealthy = fill(sim, svc);
  if (unhealthy.length === 0) return;
  // A target group in another VPC never takes the targets (RegisterTargets: InvalidTarget).
  const crossVpc = svc.spec.loadBalancers.some((lb) => lb.type !== "CLB" && lb.vpc !== sim.scenario.vpc);
  const reason = crossVpc
    ? "Target registration failed: the task is not in the target group's VPC"
    : "Task failed ELB health checks";
  for (const t of unhealthy) stopTask(sim, t, reason, { ruleId: "R35", dt: 45 });
  sim.emit(
    "health",
    `${unhealthy.length} task(s) of ${svc.spec.name} ${crossVpc ? "could not be registered as targets" : "failed health checks"}; the scheduler starts replacements`,
    {
      ruleId: "R35",
      subject: svc.spec.name,
      dt: 50,
    },
  );
  fill(sim, svc);
  sim.deny(
    "R35",
    `Tasks of ${svc.spec.name} ${crossVpc ? "cannot be registered in the load balancer's target group" : "fail the load balancer health check"} and are replaced again and again`,
    {
      subject: svc.spec.name,
      kind: "health",
    },
  );
}

function fill(sim: Sim, svc: ServiceRec): TaskRec[] {
  if (svc.spec.schedulingStrategy === "DAEMON") {
    const unhealthy: TaskRec[] = [];
    const req = request(svc);
    for (const inst of daemonTargets(sim, svc)) {
      if (!constraintsAllow(req.constraints, req.group, inst)) {
        sim.emit(
          "info",
          `${inst.spec.id} does not meet the constraints of ${svc.spec.name}: no daemon task there`,
          { ruleId: "R12", subject: inst.spec.id },
        );
        continue;
      }
      const [task] = createTasks(sim, req, 1);
      if (!task) continue;
      unhealthy.push(...placeAndStart(sim, [task], inst));
      if (!isPlaced(task)) {
        // DAEMON places on instances, not in a queue: a task that does not fit is not kept waiting.
        stopTask(sim, task, `Daemon task does not fit on ${inst.spec.id}: ${task.st.failureReason}`);
        sim.problem(
          "partial",
          `The daemon task of ${svc.spec.name} does not fit on ${inst.spec.id}: ${task.st.failureReason}`,
        );
      }
    }
    return unhealthy;
  }
  const live = sim.liveTasks((t) => t.service === svc);
  const missing = svc.st.desiredCount - live.length;
  if (missing < 0) {
    scaleIn(sim, svc, -missing);
    return [];
  }
  const waiting = live.filter((t) => !isPlaced(t));
  const fresh = missing > 0 ? createTasks(sim, request(svc), missing) : [];
  const unhealthy = placeAndStart(sim, [...waiting, ...fresh]);
  bestEffortNote(sim, svc);
  return unhealthy;
}

/** Spread is best effort (R09): note when the AZs could not be balanced. */
function bestEffortNote(sim: Sim, svc: ServiceRec): void {
  const s = svc.strategy[0];
  if (
    s?.type !== "spread" ||
    s.field !== "attribute:ecs.availability-zone" ||
    svc.st.launchType === "FARGATE"
  )
    return;
  const azs = [...new Set(sim.activeInstances().map((i) => i.spec.az))];
  const counts = azs.map((az) => sim.liveTasks((t) => t.service === svc && t.st.az === az).length);
  if (counts.length > 1 && Math.max(...counts) - Math.min(...counts) > 1) {
    sim.rule(
      "R09",
      "applied",
      `Spread is best effort: ${svc.spec.name} has ${azs.map((az, i) => `${counts[i]} in ${az}`).join(", ")} because only some AZs had room; constraints, unlike strategies, would have blocked placement`,
      "best-effort",
    );
  }
}

function scaleIn(sim: Sim, svc: ServiceRec, n: number): void {
  for (let k = 0; k < n; k++) {
    const live = sim.liveTasks((t) => t.service === svc);
    const unplaced = live.find((t) => !isPlaced(t));
    if (unplaced) {
      stopTask(sim, unplaced, "Scaled in before it was placed");
      continue;
    }
    if (live.length === 0) return;
    const { task, why } = chooseToStop(sim, live, svc.st.launchType === "FARGATE" ? [] : svc.strategy);
    sim.rule("R13", "applied", why);
    stopTask(sim, task, "Scaled in by the service scheduler", { ruleId: "R13" });
  }
}

/** A step names a service whose creation was refused (or never ran). */
export function missingService(sim: Sim, name: string): void {
  sim.problem("error", `Service ${name} does not exist (its creation was refused or never ran)`);
  sim.emit("reject", `Service ${name} does not exist`, { subject: name });
}

/** The scale step and Service Auto Scaling both end here. */
export function setDesiredCount(sim: Sim, name: string, desired: number): void {
  const svc = sim.services.get(name);
  if (!svc) {
    missingService(sim, name);
    return;
  }
  if (svc.spec.schedulingStrategy === "DAEMON") {
    sim.emit("scale", `${name} is a DAEMON service: it runs one task per instance, not a desired count`, {
      ruleId: "R12",
      subject: name,
    });
    return;
  }
  const before = svc.st.desiredCount;
  svc.st.desiredCount = desired;
  sim.emit("scale", `${name}: desired count ${before} → ${desired}`, { subject: name });
  if (svc.st.launchType === "FARGATE" && desired > before) {
    sim.rule(
      "R18",
      "applied",
      `On Fargate, more load means a higher desired count (${before} → ${desired}); there are no hosts to add`,
      "scale",
    );
  }
  reconcile(sim, svc);
}
