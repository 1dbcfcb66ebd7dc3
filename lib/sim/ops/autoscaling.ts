import type { Sim } from "../engine/context";
import { m } from "../text";
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
    sim.emit("autoscale", m("engine.autoscaling.loadOnIsNow", { name, value, current }), {
      ruleId: "R21",
      subject: name,
    });
    sim.rule("R21", "applied", m("engine.autoscaling.hasNoScalingPolicy", { name }));
    return;
  }
  if (policy.policy === "scheduled" || policy.policy === "predictive") {
    sim.emit("autoscale", m("engine.autoscaling.scalingActsOnA", { policy: policy.policy }), {
      ruleId: "R21",
      subject: name,
    });
    sim.rule("R21", "applied", m("engine.autoscaling.scalingOnDoesNot", { policy: policy.policy, name }));
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
    sim.rule("R21", "applied", m("engine.autoscaling.wouldScaleInBut", { metric, name }), "paused");
    sim.emit("autoscale", m("engine.autoscaling.scaleInPausedDuring", { metric, name }), {
      ruleId: "R21",
      subject: name,
    });
    return;
  }
  sim.rule(
    "R21",
    "applied",
    m("engine.autoscaling.applicationAutoScalingSets", {
      metric,
      name,
      current,
      desired,
      min: policy.min,
      max: policy.max,
    }),
    "scale",
  );
  sim.emit("autoscale", m("engine.autoscaling.desiredCount", { metric, current, desired }), {
    ruleId: "R21",
    subject: name,
  });
  if (desired !== current) setDesiredCount(sim, name, desired);
}
