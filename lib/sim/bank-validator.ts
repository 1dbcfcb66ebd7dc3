import { parseScenario } from "./scenario/parse";

/** The result shape lib/bank's `SimValidator` expects (kept structural so neither domain imports the other's types). */
export type SimBlockValidation =
  | { ok: true; value: unknown }
  | { ok: false; errors: Array<{ line: number; column: number; message: string; hint?: string }> };

/**
 * The simulator's scenario parser, shaped as the bank parser's ```sim validator. The bank parser
 * maps the YAML-relative lines to lines in the bank file.
 * @example parseBank(text, { file, validateSim: validateSimBlock })
 */
export function validateSimBlock(yamlText: string): SimBlockValidation {
  const result = parseScenario(yamlText);
  if (result.ok) return { ok: true, value: result.scenario };
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      line: e.line,
      column: e.column,
      message: e.message,
      ...(e.hint ? { hint: e.hint } : {}),
    })),
  };
}
