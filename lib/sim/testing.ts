import type { RuleOutcome, SimResult, TaskStatus } from "./model";
import { runScenario } from "./run";
import { parseScenario } from "./scenario/parse";

/**
 * Test helpers: run a YAML scenario (failing loudly when it does not parse)
 * and read the facts tests assert on.
 */
export function simulate(yaml: string, seed = 1): SimResult {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n"));
  return runScenario(parsed.scenario, { seed });
}

/** Outcomes a rule had in a result, in order ("applied", "denied", …). */
export function outcomes(r: SimResult, id: string): RuleOutcome[] {
  return r.rules.filter((x) => x.id === id).map((x) => x.outcome);
}

export function countTasks(r: SimResult, state: TaskStatus): number {
  return r.finalState.tasks.filter((t) => t.state === state).length;
}

/** Running tasks per instance id. */
export function tasksPerInstance(r: SimResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of r.finalState.instances) out[i.id] = 0;
  for (const t of r.finalState.tasks)
    if (t.state === "RUNNING" && t.instanceId) out[t.instanceId] = (out[t.instanceId] ?? 0) + 1;
  return out;
}

/** Running tasks per AZ. */
export function tasksPerAz(r: SimResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of r.finalState.tasks) if (t.state === "RUNNING" && t.az) out[t.az] = (out[t.az] ?? 0) + 1;
  return out;
}
