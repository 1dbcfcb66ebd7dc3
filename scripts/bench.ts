// `npm run bench [-- <name…>|all]`: runs Taskdeck's benchmarks, prints a table per benchmark and
// writes bench-results/<name>.json. Figures, not assertions: a slow machine never fails the suite.
// Latest figures and how to reproduce them: docs/benchmarks.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BenchResult, printResult } from "./bench/types";

type Bench = () => Promise<BenchResult>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  bank: async () => (await import("./bench/bank")).benchBank,
  sim: async () => (await import("./bench/sim")).benchSim,
  "sim-view": async () => (await import("./bench/sim-view")).benchSimView,
  study: async () => (await import("./bench/study")).benchStudy,
  load: async () => (await import("./bench/load")).benchLoad,
  capacity: async () => (await import("./bench/capacity")).benchCapacity,
  faults: async () => (await import("./bench/faults")).benchFaults,
  pages: async () => (await import("./bench/pages")).benchPages,
  dashboard: async () => (await import("./bench/dashboard")).benchDashboard,
  upload: async () => (await import("./bench/upload")).benchUpload,
};

async function main() {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const names = asked.length === 0 || asked.includes("all") ? Object.keys(BENCHES) : asked;
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark: ${unknown.join(", ")}. Available: ${Object.keys(BENCHES).join(", ")}, all`,
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
    let result: BenchResult;
    try {
      result = await (await load())();
    } catch (error) {
      // One broken benchmark (or a build swapped out underneath it) must not hide the others.
      console.error(`✖ ${name} failed: ${error instanceof Error ? error.message : error}`);
      result = { name, rows: [{ metric: "failed (see the log above)", value: 0, unit: "", ok: false }] };
    }
    printResult(result);
    failed += result.rows.filter((row) => row.ok === false).length;
    const file = path.join("bench-results", `${name}.json`);
    fs.writeFileSync(
      file,
      `${JSON.stringify({ ...result, machine, at: new Date().toISOString() }, null, 2)}\n`,
    );
  }
  console.log(failed === 0 ? "\nEvery figure meets its target." : `\n${failed} figure(s) miss their target.`);
}

void main();
