import type { Scenario, SimResult, TaskStatus } from "./model";

/**
 * Compares a result with the scenario's `expect` block.
 * Returns [] when it matches (or there is none), else one line per mismatch.
 *
 * @example
 * checkExpectation(scenario, runScenario(scenario)); // [] or ["Expected verdict error, got ok: …"]
 */
export function checkExpectation(scenario: Scenario, result: SimResult): string[] {
  const e = scenario.expect;
  if (!e) return [];
  const out: string[] = [];
  if (e.verdict && e.verdict !== result.verdict.status) {
    out.push(`Expected verdict ${e.verdict}, got ${result.verdict.status}: ${result.verdict.summary}`);
  }
  const ids = result.rules.map((r) => r.id);
  const got = [...new Set(ids)].join(", ") || "none";
  for (const id of e.rules)
    if (!ids.includes(id)) out.push(`Expected rule ${id} among the deciding rules (got ${got})`);
  for (const id of e.denied) {
    if (!result.rules.some((r) => r.id === id && r.outcome === "denied"))
      out.push(`Expected rule ${id} to deny something`);
  }
  for (const [state, n] of Object.entries(e.tasks) as Array<[TaskStatus, number | undefined]>) {
    if (n === undefined) continue;
    const actual = result.finalState.tasks.filter((t) => t.state === state).length;
    if (actual !== n) out.push(`Expected ${n} task(s) ${state}, got ${actual}`);
  }
  return out;
}
