import type { Sim } from "../engine/context";
import { missingService, setDesiredCount } from "./scheduler";

/**
 * A change of load seen by Service Auto Scaling (R21): target tracking
 * scales the desired count in proportion, step scaling adds or removes a
 * step; scale-in waits while a deployment runs. Only tasks change, never EC2
 * instances (that is a capacity provider's job, R14).
 */
export function changeLoad(sim: Sim, name: string, value: number, duringDeployment: boolean): void {
  const svc = sim.services.get(name);
  if (!svc) {
    missingService(sim, name);
    return;
  }
  const policy = svc.spec.autoScaling;
  const current = svc.st.desiredCount;
  if (!policy) {
    sim.emit(
      "autoscale",
      `Load on ${name} is now ${value}, but it has no Service Auto Scaling policy: desired count stays ${current}`,
      {
        ruleId: "R21",
        subject: name,
      },
    );
    sim.rule(
      "R21",
      "applied",
      `${name} has no scaling policy, so a change of load changes nothing; raise desiredCount or add target tracking`,
    );
    return;
  }
  if (policy.policy === "scheduled" || policy.policy === "predictive") {
    sim.emit(
      "autoscale",
      `${policy.policy} scaling acts on a schedule or a forecast, not on this change of load`,
      { ruleId: "R21", subject: name },
    );
    sim.rule("R21", "applied", `${policy.policy} scaling on ${name} does not react to a load change`);
    return;
  }
  const running = Math.max(1, sim.liveTasks((t) => t.service === svc && t.st.state === "RUNNING").length);
  const wanted =
    policy.policy === "targetTracking"
      ? Math.ceil((running * value) / policy.target)
      : value > policy.target
        ? current + policy.stepAdjustment
        : value < policy.target
          ? current - policy.stepAdjustment
          : current;
  const desired = Math.min(policy.max, Math.max(policy.min, wanted));
  const metric = `${policy.metric} ${value} against target ${policy.target}`;
  if (desired < current && duringDeployment) {
    sim.rule(
      "R21",
      "applied",
      `${metric} would scale ${name} in, but scale-in is paused while a deployment is in progress`,
      "paused",
    );
    sim.emit("autoscale", `${metric}: scale-in paused during the deployment of ${name}`, {
      ruleId: "R21",
      subject: name,
    });
    return;
  }
  sim.rule(
    "R21",
    "applied",
    `${metric}: Application Auto Scaling sets the desired count of ${name} from ${current} to ${desired} (within ${policy.min}–${policy.max}); it never adds EC2 instances`,
    "scale",
  );
  sim.emit("autoscale", `${metric}: desired count ${current} → ${desired}`, { ruleId: "R21", subject: name });
  if (desired !== current) setDesiredCount(sim, name, desired);
}
