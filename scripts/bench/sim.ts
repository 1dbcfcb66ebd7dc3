/**
 * Simulator benchmark: 100 EC2 instances, 2,000 tasks placed with a verdict.
 * Target: under 100 ms per run (median and p95 after warm-up).
 * Run alone with `npx tsx scripts/bench/sim.ts`; `npm run bench -- sim` imports benchSim().
 */
import { pathToFileURL } from "node:url";
import { parseScenario, runScenario } from "../../lib/sim";

export type BenchResult = {
  name: string;
  rows: Array<{ metric: string; value: number; unit: string; target?: string; ok?: boolean }>;
};

const INSTANCES = 100;
const TASKS = 2000;
const WARMUP = 3;
const RUNS = 15;
const TARGET_MS = 100;

/** Spread over three AZs, bin-packed on memory within each, with dynamic host ports. */
export const BENCH_SCENARIO = `
title: Benchmark — ${INSTANCES} instances, ${TASKS} tasks
azs: [us-east-1a, us-east-1b, us-east-1c]
instances:
  - count: ${INSTANCES}
    type: m5.xlarge
taskDefinition:
  family: web
  containers:
    - cpu: 128
      memory: 512
      portMappings: [{ containerPort: 8080, hostPort: 0 }]
service:
  name: web
  desiredCount: ${TASKS}
  placementStrategy: ["spread:attribute:ecs.availability-zone", "binpack:memory"]
`;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function benchSim(): Promise<BenchResult> {
  const parsed = parseScenario(BENCH_SCENARIO);
  if (!parsed.ok)
    throw new Error(`Benchmark scenario is invalid: ${parsed.errors.map((e) => e.message).join("; ")}`);
  const times: number[] = [];
  let running = 0;
  let verdict = "";
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    const result = runScenario(parsed.scenario, { seed: 1 });
    const elapsed = performance.now() - start;
    if (i >= WARMUP) times.push(elapsed);
    running = result.finalState.tasks.filter((t) => t.state === "RUNNING").length;
    verdict = result.verdict.status;
  }
  const parseStart = performance.now();
  for (let i = 0; i < RUNS; i++) parseScenario(BENCH_SCENARIO);
  const parseMs = (performance.now() - parseStart) / RUNS;
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  return {
    name: "sim",
    rows: [
      {
        metric: `place ${TASKS} tasks on ${INSTANCES} instances + verdict, median`,
        value: round(median),
        unit: "ms",
        target: `< ${TARGET_MS} ms`,
        ok: median < TARGET_MS,
      },
      {
        metric: `place ${TASKS} tasks on ${INSTANCES} instances + verdict, p95`,
        value: round(p95),
        unit: "ms",
        target: `< ${TARGET_MS} ms`,
        ok: p95 < TARGET_MS,
      },
      { metric: "parse the scenario", value: round(parseMs), unit: "ms" },
      {
        metric: "tasks RUNNING",
        value: running,
        unit: "tasks",
        target: `= ${TASKS}`,
        ok: running === TASKS && verdict === "ok",
      },
    ],
  };
}

function printTable(r: BenchResult): void {
  const lines = r.rows.map((row) => {
    const status = row.ok === undefined ? "" : row.ok ? "ok" : "FAIL";
    return `${row.metric.padEnd(58)} ${String(row.value).padStart(9)} ${row.unit.padEnd(6)} ${(row.target ?? "").padEnd(10)} ${status}`;
  });
  process.stdout.write(`${r.name}\n${lines.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSim().then(printTable, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
