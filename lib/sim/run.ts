import { Sim } from "./engine/context";
import { newInstanceRec } from "./engine/resources";
import type { Scenario, SimResult, Step } from "./model";
import { call, imagePull, instanceMetadata, mountVolume, shipLogs } from "./ops/app";
import { changeLoad } from "./ops/autoscaling";
import { drainInstance, failInstance, spotInterruption } from "./ops/instances";
import { registerTaskDefinition } from "./ops/register";
import { runTask } from "./ops/run-task";
import { setDesiredCount } from "./ops/scheduler";
import { createService, updateService } from "./ops/service";
import { mulberry32 } from "./rng";
import { setupCapacityProviders } from "./rules/capacity";
import { registerInstance } from "./rules/cluster";
import { m } from "./text";
import { finish } from "./verdict";

/** Simulated seconds between two steps, so the timeline reads as minutes of real time. */
const STEP_SECONDS = 60;

function setup(sim: Sim): void {
  const c = sim.scenario.cluster;
  sim.emit(
    "cluster",
    m("engine.run.clusterInProviders", {
      cName: c.name,
      region: sim.scenario.region,
      azs: sim.scenario.azs.join(", "),
      p: c.capacityProviders.map((p) => p.name).join(", ") || "none",
    }),
    {
      subject: c.name,
    },
  );
  setupCapacityProviders(sim, sim.refusedProviders);
  for (const spec of sim.scenario.instances) {
    const rec = newInstanceRec(spec);
    sim.instances.push(rec);
    sim.instanceById.set(spec.id, rec);
    registerInstance(sim, rec);
  }
}

function dispatch(sim: Sim, step: Step): void {
  switch (step.op) {
    case "registerTaskDefinition":
      registerTaskDefinition(sim, step.family);
      return;
    case "runTask":
      runTask(sim, step);
      return;
    case "createService":
      createService(sim, step.service);
      return;
    case "updateService":
      updateService(sim, step);
      return;
    case "scale":
      setDesiredCount(sim, step.service, step.desiredCount);
      return;
    case "failInstance":
      failInstance(sim, step.instance);
      return;
    case "drainInstance":
      drainInstance(sim, step.instance);
      return;
    case "spotInterruption":
      spotInterruption(sim, step.target);
      return;
    case "changeLoad":
      changeLoad(sim, step.service, step.value, step.duringDeployment);
      return;
    case "call":
      call(sim, step.action, step.from);
      return;
    case "imagePull":
      imagePull(sim, step.from);
      return;
    case "shipLogs":
      shipLogs(sim, step.from);
      return;
    case "mountVolume":
      mountVolume(sim, step.from, step.volume);
      return;
    case "readInstanceMetadata":
      instanceMetadata(sim, step.from);
      return;
  }
}

/**
 * The day dated rules (R43) are decided on when a scenario states no `date`: the caller's today,
 * else the day the rule catalog was last checked against the AWS documentation, so a call without
 * a date stays deterministic.
 */
export const RULES_CHECKED_ON = "2026-12-06";

/** A Date or YYYY-MM-DD as YYYY-MM-DD (UTC). Example: dayOf(new Date("2026-03-16T10:00Z")) → "2026-03-16". */
export function dayOf(today: string | Date | undefined): string {
  if (today === undefined) return RULES_CHECKED_ON;
  if (typeof today === "string") return /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : RULES_CHECKED_ON;
  return Number.isNaN(today.getTime()) ? RULES_CHECKED_ON : today.toISOString().slice(0, 10);
}

/**
 * Runs a parsed scenario and returns the verdict, the rules that decided it,
 * the timeline of events and the final state. Pure: the same scenario and
 * seed always give a deep-equal result. Time is an argument too: dated rules (a retired Fargate
 * platform version, R43) are decided on the scenario's `date`, else on `options.today`.
 *
 * @example
 * const parsed = parseScenario(yamlText);
 * if (parsed.ok) {
 *   const result = runScenario(parsed.scenario, { seed: 7, today: new Date() });
 *   console.log(result.verdict.summary);
 * }
 */
export function runScenario(
  scenario: Scenario,
  options: { seed?: number; today?: string | Date } = {},
): SimResult {
  const sim = new Sim(scenario, mulberry32(options.seed ?? scenario.seed ?? 1), dayOf(options.today));
  setup(sim);
  scenario.steps.forEach((step, i) => {
    sim.stepNo = i + 1;
    sim.t = (i + 1) * STEP_SECONDS;
    dispatch(sim, step);
  });
  return finish(sim);
}
