import type { ServiceRec, Sim } from "../engine/context";
import { stopTask } from "../engine/lifecycle";
import type { ServiceSpec, UpdateServiceStep } from "../model";
import { resolveLaunchPlan } from "../rules/capacity";
import { daemonError } from "../rules/cluster";
import { attachLoadBalancers, loadBalancerErrors } from "../rules/load-balancing";
import { AZ_SPREAD, describeStrategy } from "../rules/placement";
import { m, type Text } from "../text";
import { validateLaunch } from "./launch";
import { missingService, reconcile, setDesiredCount } from "./scheduler";

/**
 * CreateService and UpdateService: validate like the API does, then hand the
 * service to the scheduler (scheduler.ts).
 */

export function createService(sim: Sim, name: string): void {
  const base = sim.scenario.services.find((s) => s.name === name);
  if (!base) return;
  const spec: ServiceSpec = { ...base };
  const td = sim.taskDefs.get(spec.taskDefinition);
  if (!td) {
    sim.emit(
      "reject",
      m("engine.service.createserviceRefusedTaskDefinition", { name, taskDefinition: spec.taskDefinition }),
      { subject: name },
    );
    sim.problem(
      "error",
      m("engine.service.createserviceRefusedTaskDefinition", { name, taskDefinition: spec.taskDefinition }),
    );
    return;
  }
  const daemon = spec.schedulingStrategy === "DAEMON";
  const launch = validateLaunch(sim, td, spec, daemon);
  const errors: Array<{ ruleId: string; error: Text }> = [];
  if ("error" in launch) {
    // A launch check (e.g. EBS on a DAEMON service, R42) must not hide that the
    // launch type cannot run DAEMON at all (R12): report R12 first.
    if (daemon) {
      const plan = resolveLaunchPlan(sim, spec, td, sim.refusedProviders);
      const d = "error" in plan ? null : daemonError(spec, plan.launchType === "FARGATE");
      if (d && launch.ruleId !== "R12") errors.push({ ruleId: "R12", error: d });
    }
    errors.push(launch);
  } else {
    const d = daemonError(spec, launch.plan.launchType === "FARGATE");
    if (d) errors.push({ ruleId: "R12", error: d });
    errors.push(
      ...loadBalancerErrors(sim, spec, td, {
        launchType: launch.plan.launchType,
        platformVersion: spec.platformVersion,
      }),
    );
    if (
      spec.autoScaling?.metric === "ALBRequestCountPerTarget" &&
      !spec.loadBalancers.some((l) => l.type === "ALB")
    ) {
      errors.push({
        ruleId: "R21",
        error: m("engine.service.targetTrackingOnAlbrequestcountpertarget"),
      });
    }
  }
  if (errors.length || "error" in launch) {
    for (const e of errors)
      sim.deny(e.ruleId, m("engine.service.createserviceRefused", { name, error: e.error }), {
        subject: name,
        kind: "service",
      });
    return;
  }
  const plan = launch.plan;
  const strategy = plan.launchType === "FARGATE" || daemon ? [] : (spec.placementStrategy ?? [AZ_SPREAD]);
  const svc: ServiceRec = {
    spec,
    td,
    strategy,
    st: {
      name,
      taskDefinition: `${td.spec.family}:${td.revision}`,
      status: "ACTIVE",
      schedulingStrategy: spec.schedulingStrategy,
      launchType: plan.launchType,
      capacityProviderStrategy: plan.strategy,
      placementStrategy: strategy,
      placementConstraints: spec.placementConstraints,
      desiredCount: daemon ? 0 : spec.desiredCount,
      runningCount: 0,
      pendingCount: 0,
      deploymentController: spec.deploymentController,
      loadBalancers: spec.loadBalancers.map((l) => l.name),
      autoScaling: spec.autoScaling
        ? {
            min: spec.autoScaling.min,
            max: spec.autoScaling.max,
            policy: spec.autoScaling.policy,
            metric: spec.autoScaling.metric,
            target: spec.autoScaling.target,
          }
        : null,
    },
  };
  sim.services.set(name, svc);
  attachLoadBalancers(sim, svc);
  const how = plan.strategy ? `strategy ${plan.strategy.map((s) => s.provider).join("+")}` : plan.launchType;
  sim.emit(
    "service",
    m("engine.service.createdService", {
      name,
      schedulingStrategy: spec.schedulingStrategy,
      p: daemon ? m("engine.service.oneTaskPerInstance") : `${spec.desiredCount} desired`,
      how,
      p2: strategy.length ? `, ${strategy.map(describeStrategy).join(" then ")}` : "",
    }),
    {
      subject: name,
    },
  );
  if (daemon) sim.rule("R12", "applied", m("engine.service.daemonServiceRunsOne", { name }));
  if (spec.autoScaling) {
    sim.rule(
      "R21",
      "applied",
      m("engine.service.registeringAsAScalable", {
        name,
        min: spec.autoScaling.min,
        max: spec.autoScaling.max,
      }),
    );
    sim.emit(
      "autoscale",
      m("engine.service.applicationAutoScalingOn", {
        policy: spec.autoScaling.policy,
        metric: spec.autoScaling.metric,
        target: spec.autoScaling.target,
      }),
      {
        ruleId: "R21",
        subject: name,
      },
    );
  }
  reconcile(sim, svc);
}

export function updateService(sim: Sim, u: UpdateServiceStep): void {
  const svc = sim.services.get(u.service);
  if (!svc) {
    missingService(sim, u.service);
    return;
  }
  const next: ServiceSpec = {
    ...svc.spec,
    placementStrategy: u.placementStrategy ?? svc.spec.placementStrategy,
    placementConstraints: u.placementConstraints ?? svc.spec.placementConstraints,
    volumeConfigurations: u.volumeConfigurations ?? svc.spec.volumeConfigurations,
    platformVersion: u.platformVersion ?? svc.spec.platformVersion,
    taskDefinition: u.taskDefinition ?? svc.spec.taskDefinition,
    launchType: svc.st.launchType,
    capacityProviderStrategy: svc.st.capacityProviderStrategy,
  };
  const td = sim.taskDefs.get(next.taskDefinition);
  const launch = td ? validateLaunch(sim, td, next, next.schedulingStrategy === "DAEMON") : null;
  if (!td || !launch || "error" in launch) {
    const reason =
      launch && "error" in launch
        ? launch
        : {
            ruleId: "",
            error: m("engine.service.taskDefinitionIsNot", { taskDefinition: next.taskDefinition }),
          };
    if (reason.ruleId)
      sim.deny(
        reason.ruleId,
        m("engine.service.updateserviceRefused", { service: u.service, error: reason.error }),
        {
          subject: u.service,
          kind: "service",
        },
      );
    else
      sim.problem(
        "error",
        m("engine.service.updateserviceRefused", { service: u.service, error: reason.error }),
      );
    return;
  }
  const newRevision = td !== svc.td;
  svc.spec = next;
  svc.td = td;
  svc.st.taskDefinition = `${td.spec.family}:${td.revision}`;
  if (svc.st.launchType !== "FARGATE" && next.schedulingStrategy !== "DAEMON")
    svc.strategy = next.placementStrategy ?? [AZ_SPREAD];
  svc.st.placementStrategy = svc.strategy;
  svc.st.placementConstraints = next.placementConstraints;
  if (u.placementConstraints?.some((c) => c.type === "distinctInstance")) {
    sim.rule(
      "R10",
      "applied",
      m("engine.service.distinctinstanceSetOnUpdateservice", { service: u.service }),
      "update",
    );
  }
  if (u.volumeConfigurations)
    sim.rule(
      "R42",
      "applied",
      m("engine.service.updateserviceSuppliesNewEbs", { service: u.service }),
      "update",
    );
  sim.emit(
    "service",
    m("engine.service.updatedService", {
      service: u.service,
      p: newRevision ? ` to ${svc.st.taskDefinition}` : "",
    }),
    {
      subject: u.service,
    },
  );
  if (newRevision || u.volumeConfigurations) {
    for (const t of sim.liveTasks((x) => x.service === svc))
      stopTask(sim, t, m("engine.service.replacedByANew"));
  }
  if (u.desiredCount !== null) setDesiredCount(sim, u.service, u.desiredCount);
  else reconcile(sim, svc);
}
