import { LineCounter, parseDocument } from "yaml";
import type { FindingSink } from "./codes";
import type { SimBlock, SimValidator } from "./schema";
import type { RawSim } from "./section-head";

const MAX_SIM_ERRORS = 10;

/**
 * Validates a ```sim block: with the injected simulator validator when there is one, otherwise as
 * plain YAML. Positions the validator reports relative to the YAML are mapped to bank lines.
 *
 * @example
 * readSim({ openLine: 9, firstLine: 10, lastLine: 10, indent: 0, yaml: "service: {}" }, sink) // { yaml, line: 10, value }
 */
export function readSim(raw: RawSim, sink: FindingSink, validateSim?: SimValidator): SimBlock | null {
  if (raw.yaml.trim() === "") {
    sink.add("bad-sim", raw.openLine, raw.indent + 1, "This sim block is empty");
    return null;
  }
  const report = (line: number, column: number, message: string, hint?: string) => {
    const at = Math.min(raw.lastLine, Math.max(raw.firstLine, raw.firstLine + Math.floor(line) - 1));
    sink.add("bad-sim", at, Math.max(1, Math.floor(column)) + raw.indent, message, hint);
  };
  if (validateSim) {
    let result: ReturnType<SimValidator>;
    try {
      result = validateSim(raw.yaml);
    } catch (e) {
      report(1, 1, `The simulator could not read this block: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    if (result.ok) return { yaml: raw.yaml, line: raw.firstLine, value: result.value };
    const errors =
      result.errors.length > 0 ? result.errors : [{ line: 1, column: 1, message: "Invalid scenario" }];
    for (const e of errors.slice(0, MAX_SIM_ERRORS))
      report(e.line, e.column, `Scenario: ${e.message}`, e.hint);
    return null;
  }
  const counter = new LineCounter();
  const doc = parseDocument(raw.yaml, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, MAX_SIM_ERRORS)) {
      const p = counter.linePos(e.pos[0]);
      report(p.line, p.col, `Sim YAML: ${e.message.split(" at line")[0]}`);
    }
    return null;
  }
  try {
    return { yaml: raw.yaml, line: raw.firstLine, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    report(1, 1, `Sim YAML: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
