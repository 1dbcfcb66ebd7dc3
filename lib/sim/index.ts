/**
 * The ECS simulator: parse a scenario, run it, check it against its expectation.
 *
 * @example
 * import { parseScenario, runScenario } from "@/lib/sim";
 * const parsed = parseScenario(text);
 * const result = parsed.ok ? runScenario(parsed.scenario) : null;
 */

export { type SimBlockValidation, validateSimBlock } from "./bank-validator";
export { checkExpectation } from "./expect";
export type * from "./model";
export { RULE_IDS, RULES } from "./rules/catalog";
export { runScenario } from "./run";
export { extractSimBlocks, type SimBlock } from "./scenario/markdown";
export { MAX_SCENARIO_BYTES, parseScenario } from "./scenario/parse";
export type { ScenarioInput } from "./scenario/schema";
