/**
 * npm run sim -- <scenario.yaml | bank.md> [--json] [--seed N]
 *
 * Runs a simulator scenario (or every ```sim block of a Markdown file) and
 * prints the verdict, the rules that decided it and the events.
 * Exit codes: 0 parsed (whatever the verdict), 1 invalid scenario, 2 usage.
 */
import { readFileSync } from "node:fs";
import {
  checkExpectation,
  extractSimBlocks,
  parseScenario,
  runScenario,
  type SimError,
  type SimResult,
} from "../lib/sim";

const USAGE = "usage: npm run sim -- <scenario.yaml | file.md> [--json] [--seed N]";

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

type Args = { file: string; json: boolean; seed: number | undefined };

function parseArgs(argv: string[]): Args {
  let json = false;
  let seed: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--json") json = true;
    else if (a === "--seed") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n)) usage("--seed needs an integer");
      seed = n;
    } else if (a === "-h" || a === "--help") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith("-")) usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) usage(files.length ? "give one scenario file" : "missing scenario file");
  return { file: files[0] ?? "", json, seed };
}

function printResult(result: SimResult, mismatches: string[]): void {
  const out: string[] = [];
  out.push(`verdict: ${result.verdict.status.toUpperCase()} — ${result.verdict.summary}`);
  out.push("", "rules:");
  for (const r of result.rules) {
    out.push(`  ${r.id} ${r.outcome.padEnd(7)} ${r.title}`, `          ${r.detail}`, `          ${r.doc}`);
  }
  out.push("", "events:");
  for (const e of result.events) {
    out.push(
      `  [${String(e.step).padStart(2)}] t=${String(e.t).padStart(4)}s ${e.kind.padEnd(9)} ${e.message}`,
    );
  }
  if (mismatches.length) {
    out.push("", "expect: does not match");
    for (const m of mismatches) out.push(`  ✗ ${m}`);
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.file, "utf8");
  } catch (e) {
    usage(`cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const isMarkdown = /\.(md|markdown)$/i.test(args.file);
  const blocks = isMarkdown ? extractSimBlocks(text) : [{ line: 1, indent: 0, text }];
  if (isMarkdown && blocks.length === 0) usage(`${args.file} has no \`\`\`sim block`);
  const errors: string[] = [];
  const results: Array<{ line: number; result: SimResult; expectation: string[] }> = [];
  for (const block of blocks) {
    const parsed = parseScenario(block.text);
    if (!parsed.ok) {
      const at = (e: SimError) => `${args.file}:${e.line + block.line - 1}:${e.column + block.indent}`;
      for (const e of parsed.errors) errors.push(`${at(e)} ${e.message}${e.hint ? ` (${e.hint})` : ""}`);
      continue;
    }
    const result = runScenario(parsed.scenario, args.seed === undefined ? {} : { seed: args.seed });
    results.push({ line: block.line, result, expectation: checkExpectation(parsed.scenario, result) });
  }
  if (args.json) {
    const payload = isMarkdown ? results.map((r) => ({ line: r.line, ...r.result })) : results[0]?.result;
    if (payload !== undefined) process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
  } else {
    results.forEach((r, i) => {
      if (isMarkdown) process.stdout.write(`${i ? "\n" : ""}== ${args.file}:${r.line} ==\n`);
      printResult(r.result, r.expectation);
    });
  }
  if (errors.length) {
    process.stderr.write(`${errors.join("\n")}\n`);
    process.exit(1);
  }
}

main();
