import type { ServiceRec, Sim, TaskRec } from "../engine/context";
import { isPlaced, stopTask } from "../engine/lifecycle";
import { daemonTargets } from "../rules/cluster";
import { chooseToStop, constraintsAllow } from "../rules/placement";
import { m } from "../text";
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
    ? m("engine.scheduler.targetRegistrationFailedThe")
    : m("engine.scheduler.taskFailedElbHealth");
  for (const t of unhealthy) stopTask(sim, t, reason, { ruleId: "R35", dt: 45 });
  sim.emit(
    "health",
    m("engine.scheduler.taskSOfThe", {
      unhealthyLength: unhealthy.length,
      svcName: svc.spec.name,
      p: crossVpc ? m("engine.scheduler.couldNotBeRegistered") : m("engine.scheduler.failedHealthChecks"),
    }),
    {
      ruleId: "R35",
      subject: svc.spec.name,
      dt: 50,
    },
  );
  fill(sim, svc);
  sim.deny(
    "R35",
    m("engine.scheduler.tasksOfAndAre", {
      svcName: svc.spec.name,
      p: crossVpc ? m("engine.scheduler.cannotBeRegisteredIn") : m("engine.scheduler.failTheLoadBalancer"),
    }),
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
          m("engine.scheduler.doesNotMeetThe", { instId: inst.spec.id, svcName: svc.spec.name }),
          { ruleId: "R12", subject: inst.spec.id },
        );
        continue;
      }
      const [task] = createTasks(sim, req, 1);
      if (!task) continue;
      unhealthy.push(...placeAndStart(sim, [task], inst));
      if (!isPlaced(task)) {
        // DAEMON places on instances, not in a queue: a task that does not fit is not kept waiting.
        stopTask(
          sim,
          task,
          m("engine.scheduler.daemonTaskDoesNot", {
            instId: inst.spec.id,
            failureReason: task.st.failureMsg ?? task.st.failureReason,
          }),
        );
        sim.problem(
          "partial",
          m("engine.scheduler.theDaemonTaskOf", {
            svcName: svc.spec.name,
            instId: inst.spec.id,
            failureReason: task.st.failureMsg ?? task.st.failureReason,
          }),
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
      m("engine.scheduler.spreadIsBestEffort", {
        svcName: svc.spec.name,
        p: azs.map((az, i) => `${counts[i]} in ${az}`).join(", "),
      }),
      "best-effort",
    );
  }
}

function scaleIn(sim: Sim, svc: ServiceRec, n: number): void {
  for (let k = 0; k < n; k++) {
    const live = sim.liveTasks((t) => t.service === svc);
    const unplaced = live.find((t) => !isPlaced(t));
    if (unplaced) {
      stopTask(sim, unplaced, m("engine.scheduler.scaledInBeforeIt"));
      continue;
    }
    if (live.length === 0) return;
    const { task, why } = chooseToStop(sim, live, svc.st.launchType === "FARGATE" ? [] : svc.strategy);
    sim.rule("R13", "applied", why);
    stopTask(sim, task, m("engine.scheduler.scaledInByThe"), { ruleId: "R13" });
  }
}

/** A step names a service whose creation was refused (or never ran). */
export function missingService(sim: Sim, name: string): void {
  sim.problem("error", m("engine.scheduler.serviceDoesNotExist", { name }));
  sim.emit("reject", m("engine.scheduler.serviceDoesNotExist2", { name }), { subject: name });
}

/** The scale step and Service Auto Scaling both end here. */
export function setDesiredCount(sim: Sim, name: string, desired: number): void {
  const svc = sim.services.get(name);
  if (!svc) {
    missingService(sim, name);
    return;
  }
  if (svc.spec.schedulingStrategy === "DAEMON") {
    sim.emit("scale", m("engine.scheduler.isADaemonService", { name }), {
      ruleId: "R12",
      subject: name,
    });
    return;
  }
  const before = svc.st.desiredCount;
  svc.st.desiredCount = desired;
  sim.emit("scale", m("engine.scheduler.desiredCount", { name, before, desired }), { subject: name });
  if (svc.st.launchType === "FARGATE" && desired > before) {
    sim.rule("R18", "applied", m("engine.scheduler.onFargateMoreLoad", { before, desired }), "scale");
  }
  reconcile(sim, svc);
}
