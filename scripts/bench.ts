// `npm run bench [-- <name…>|all] [--record]`: runs Taskdeck's benchmarks, prints a table per
// benchmark and writes bench-results/<name>.json. Figures, not assertions: a slow machine never
// fails the suite. With --record, each benchmark's figures also replace its earlier ones in
// docs/bench-figures.json and the "Current figures" table of docs/benchmarks.md is regenerated.
// `npm run bench -- table` regenerates that table from the file alone (`-- table --check` only
// says whether it is current). How to reproduce every figure: docs/benchmarks.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readFigures, recordRun, regenerateTable, writeFigures } from "./bench/figures";
import { BENCHES, variantOf } from "./bench/registry";
import { type BenchResult, printResult } from "./bench/types";

const loadAverage = () => (os.loadavg()[0] ?? 0).toFixed(1);
/** UTC to the minute, as the figures file writes it. */
const minute = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

function table(check: boolean): void {
  if (check) {
    const doc = path.join("docs", "benchmarks.md");
    const before = fs.readFileSync(doc, "utf8");
    const changed = regenerateTable();
    if (changed) {
      fs.writeFileSync(doc, before);
      console.error(
        "✖ docs/benchmarks.md's current figures differ from docs/bench-figures.json: run `npm run bench -- table`",
      );
      process.exit(1);
    }
    console.log("✔ docs/benchmarks.md's current figures match docs/bench-figures.json");
    return;
  }
  console.log(
    regenerateTable() ? "✔ docs/benchmarks.md regenerated" : "✔ docs/benchmarks.md was already current",
  );
}

async function main() {
  const flags = process.argv.slice(2).filter((arg) => arg.startsWith("-"));
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  if (asked.length === 1 && asked[0] === "table") return table(flags.includes("--check"));
  const record = flags.includes("--record");
  const names = asked.length === 0 || asked.includes("all") ? Object.keys(BENCHES) : asked;
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark: ${unknown.join(", ")}. Available: ${Object.keys(BENCHES).join(", ")}, all, table`,
    );
    process.exit(2);
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`Taskdeck benchmarks on ${machine}`);
  fs.mkdirSync("bench-results", { recursive: true });
  let failed = 0;
  for (const name of names) {
    const load = BENCHES[name];
    if (!load) continue;
    const started = new Date();
    const loadBefore = loadAverage();
    let result: BenchResult;
    let broke = false;
    try {
      result = await (await load())();
    } catch (error) {
      // One broken benchmark (or a build swapped out underneath it) must not hide the others.
      console.error(`✖ ${name} failed: ${error instanceof Error ? error.message : error}`);
      result = { name, rows: [{ metric: "failed (see the log above)", value: 0, unit: "", ok: false }] };
      broke = true;
    }
    printResult(result);
    failed += result.rows.filter((row) => row.ok === false).length;
    const file = path.join("bench-results", `${name}.json`);
    fs.writeFileSync(
      file,
      `${JSON.stringify({ ...result, machine, at: new Date().toISOString() }, null, 2)}\n`,
    );
    if (record && broke) console.error(`✖ ${name} failed, so its recorded figures are left as they were`);
    else if (record) {
      const variant = variantOf(process.env);
      writeFigures(
        recordRun(readFigures(), name, result, {
          variant,
          measuredAt: minute(started),
          loadAverage: `${loadBefore}→${loadAverage()}`,
          machine,
          command: `${variant ? `${variant} ` : ""}npm run bench -- ${name} --record`,
        }),
      );
      console.log(`✔ ${name}: figures recorded in docs/bench-figures.json`);
    }
  }
  if (record) table(false);
  console.log(failed === 0 ? "\nEvery figure meets its target." : `\n${failed} figure(s) miss their target.`);
}

void main();
