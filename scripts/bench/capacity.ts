/**
 * Capacity (issue 15 item 6): `npm run bench -- capacity`. The most learners one setup serves
 * with p99 < 250 ms and no error, when each grades a flashcard every CAPACITY_PACE_MS (3 s) and a
 * share (LOAD_QUIZ_SHARE, 0.2) autosaves a quiz answer at the same pace instead; every tenth write
 * is sent twice at once, as in the load benchmark. The learner count steps up (CAPACITY_STEPS,
 * default 100, 200, 400, 800, 1200, 1600, 2000, 2400, 3200), each step a fresh set of connections,
 * CAPACITY_WARM_SECONDS (5) of warm-up at the same pace, then CAPACITY_STEP_SECONDS (20) measured;
 * the first step that misses (p99 ≥ 250 ms, an error, a write missing or duplicated) ends the
 * setup (CAPACITY_RETRIES=n runs a missed step up to n more times first, for a shared machine), and the last step that held is its capacity. Each step's writes are checked in the
 * database right after it. Setups (CAPACITY_SETUPS, default all three, in this order):
 * - sqlite: one `serve.mjs` on a copy of the large database (as the load benchmark), its 1,000
 *   seeded learners and as many more added with a session each;
 * - pg1: one `serve.mjs` on a throwaway PostgreSQL (release step, learners seeded), no balancer;
 * - pg2: two `serve.mjs` on one throwaway PostgreSQL behind HAProxy (cluster.ts).
 * Loopback only; bounded in time (steps × seconds) and count; everything started is stopped.
 */
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import {
  isQuizLearner,
  type Learner,
  openSqliteAttempts,
  seedSqliteLearners,
  startPostgresDeployment,
  type Verified,
  verifyPostgres,
  verifySqlite,
} from "./cluster";
import { ensureBuild, largeDatabaseCopy, round, scratchFolder, seededLearners, startServer } from "./harness";
import { gradeLoad, type QuizLearner } from "./load";
import { type BenchResult, summarize } from "./types";

const P99_TARGET_MS = 250;

/**
 * A paced learner's connections: as learnerAgent (at most two, for a write sent twice at once), but
 * the most recently used one first, so a write every 3 s keeps one connection alive through the
 * server's 5 s keep-alive, as a browser tab does, instead of alternating between two that each sit
 * idle 6 s and are closed and opened again.
 */
function pacedAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 2, scheduling: "lifo" });
}

type Setup = {
  label: string;
  url: string;
  learners: Learner[];
  quizLearners: Map<string, QuizLearner>;
  verify: (
    acknowledged: string[],
    duplicatesSent: string[],
    saves: Parameters<typeof verifySqlite>[3],
  ) => Promise<Verified>;
  stop: () => Promise<void>;
};

type Step = {
  learners: number;
  offered: number;
  sent: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  missing: number;
  autosavesMissing: number;
  duplicates: number;
  generatorDelayMax: number;
  load: [number, number];
  held: boolean;
  errorSamples: string[];
};

async function sqliteSetup(dir: string, most: number, quizShare: number): Promise<Setup> {
  const file = await largeDatabaseCopy(path.join(dir, "large.db"));
  const learners = seedSqliteLearners(file, seededLearners(file, most), most);
  const quizLearners = openSqliteAttempts(
    file,
    learners.filter((_, n) => isQuizLearner(n, quizShare)).map((learner) => learner.userId),
  );
  const server = await startServer(file);
  return {
    label: "SQLite, 1 process (copy of the large database: 1,000,000 reviews)",
    url: server.url,
    learners,
    quizLearners,
    verify: async (a, d, s) => verifySqlite(file, a, d, s),
    stop: server.stop,
  };
}

async function postgresSetup(
  dir: string,
  most: number,
  quizShare: number,
  processes: number,
): Promise<Setup> {
  const deployment = await startPostgresDeployment({ processes, learners: most, quizShare, dir });
  return {
    label:
      processes === 1
        ? "PostgreSQL, 1 process (no balancer)"
        : `PostgreSQL, ${processes} processes behind HAProxy`,
    url: deployment.url,
    learners: deployment.learners,
    quizLearners: deployment.quizLearners,
    verify: (a, d, s) => verifyPostgres(deployment.databaseUrl, a, d, s),
    stop: deployment.stop,
  };
}

async function runStep(
  setup: Setup,
  count: number,
  options: { paceMs: number; warm: number; seconds: number },
): Promise<Step> {
  const agents = new Map<number, http.Agent>();
  const roster = setup.learners.slice(0, count);
  const seqs = new Map<string, number>();
  const common = {
    agents,
    learners: count,
    roster,
    quizLearners: setup.quizLearners,
    seqs,
    paceMs: options.paceMs,
    maxRequests: 1_000_000,
  };
  try {
    for (let index = 0; index < count; index++) agents.set(index, pacedAgent());
    const warm = await gradeLoad({ url: setup.url }, "", { ...common, seconds: options.warm });
    const loadBefore = os.loadavg()[0] ?? 0;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const outcome = await gradeLoad({ url: setup.url }, "", { ...common, seconds: options.seconds });
    delay.disable();
    const loadAfter = os.loadavg()[0] ?? 0;
    const verified = await setup.verify(
      [...warm.acknowledged, ...outcome.acknowledged],
      [...warm.duplicatesSent, ...outcome.duplicatesSent],
      [...warm.savesAcknowledged, ...outcome.savesAcknowledged],
    );
    const s = summarize(outcome.latencies);
    const errors = outcome.errors + warm.errors;
    const held =
      s.p99 < P99_TARGET_MS &&
      errors === 0 &&
      verified.missing === 0 &&
      verified.autosavesMissing === 0 &&
      verified.duplicateRows === 0;
    return {
      learners: count,
      offered: round((count / (options.paceMs / 1000)) * 1.1),
      sent: outcome.sent,
      throughput: round(outcome.sent / outcome.seconds),
      p50: round(s.median),
      p99: round(s.p99),
      max: round(s.max),
      errors,
      missing: verified.missing,
      autosavesMissing: verified.autosavesMissing,
      duplicates: verified.duplicateRows,
      generatorDelayMax: round(delay.max / 1e6),
      load: [round(loadBefore, 2), round(loadAfter, 2)],
      held,
      errorSamples: [...warm.errorSamples, ...outcome.errorSamples].slice(0, 3),
    };
  } finally {
    for (const agent of agents.values()) agent.destroy();
  }
}

export async function benchCapacity(): Promise<BenchResult> {
  const paceMs = Number(process.env.CAPACITY_PACE_MS ?? 3000);
  const warm = Number(process.env.CAPACITY_WARM_SECONDS ?? 5);
  const seconds = Number(process.env.CAPACITY_STEP_SECONDS ?? 20);
  const quizShare = Number(process.env.LOAD_QUIZ_SHARE ?? 0.2);
  const retries = Math.min(3, Number(process.env.CAPACITY_RETRIES ?? 0));
  const steps = (process.env.CAPACITY_STEPS ?? "100,200,400,800,1200,1600,2000,2400,3200")
    .split(",")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, 12);
  const most = Math.max(...steps);
  const names = (process.env.CAPACITY_SETUPS ?? "sqlite,pg1,pg2").split(",").map((name) => name.trim());
  await ensureBuild();
  const rows: BenchResult["rows"] = [];
  const summary: string[] = [];
  for (const name of names) {
    const scratch = scratchFolder(`taskdeck-bench-capacity-${name}-`);
    let setup: Setup | null = null;
    try {
      setup =
        name === "sqlite"
          ? await sqliteSetup(scratch.dir, most, quizShare)
          : name === "pg1"
            ? await postgresSetup(scratch.dir, most, quizShare, 1)
            : name === "pg2"
              ? await postgresSetup(scratch.dir, most, quizShare, 2)
              : null;
      if (!setup) throw new Error(`unknown setup ${name} (sqlite, pg1, pg2)`);
      console.log(`▸ ${setup.label}`);
      let last: Step | null = null;
      let missed: Step | null = null;
      for (const count of steps) {
        let step = await runStep(setup, count, { paceMs, warm, seconds });
        // CAPACITY_RETRIES (0): on a shared machine, a step that missed may be run again before it
        // counts as missed (each attempt is printed).
        for (let again = 0; !step.held && again < retries; again++) {
          console.log(
            `  ${count} learners missed (p99 ${step.p99} ms, ${step.errors} errors, load average ${step.load.join("→")}): once more`,
          );
          step = await runStep(setup, count, { paceMs, warm, seconds });
        }
        console.log(
          `  ${count} learners (${step.offered} req/s offered): ${step.throughput} req/s, p50 ${step.p50} ms, p99 ${step.p99} ms, max ${step.max} ms, ` +
            `${step.errors} errors, ${step.missing}+${step.autosavesMissing} missing, ${step.duplicates} duplicates, ` +
            `generator delay max ${step.generatorDelayMax} ms, load average ${step.load[0]}→${step.load[1]} ${step.held ? "✔" : "✖"}`,
        );
        if (step.errorSamples.length > 0) console.log("    errors:", step.errorSamples);
        if (!step.held) {
          missed = step;
          break;
        }
        last = step;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      const label = setup.label;
      rows.push({
        metric: `${label}: most learners with p99 < ${P99_TARGET_MS} ms and no error`,
        value: last?.learners ?? 0,
        unit: missed
          ? `(next step, ${missed.learners}: p99 ${missed.p99} ms, ${missed.errors} errors)`
          : "(every step held)",
        target: "reported",
        ok: last !== null,
      });
      if (last) {
        rows.push(
          { metric: `${label}: throughput at ${last.learners}`, value: last.throughput, unit: "req/s" },
          { metric: `${label}: p50 / p99 / max`, value: last.p50, unit: `/ ${last.p99} / ${last.max} ms` },
          { metric: `${label}: errors`, value: last.errors, unit: "", target: "0", ok: last.errors === 0 },
          {
            metric: `${label}: acknowledged gradings + autosaves missing`,
            value: last.missing,
            unit: `+ ${last.autosavesMissing}`,
            target: "0",
            ok: last.missing + last.autosavesMissing === 0,
          },
          {
            metric: `${label}: duplicate reviews`,
            value: last.duplicates,
            unit: "",
            target: "0",
            ok: last.duplicates === 0,
          },
          {
            metric: `${label}: load average (1 min) before / after the step`,
            value: last.load[0],
            unit: `/ ${last.load[1]}`,
          },
        );
      }
      summary.push(
        `| ${label} | ${last?.learners ?? 0} | ${last ? `${last.throughput} req/s, p50 ${last.p50} / p99 ${last.p99} ms, ${last.errors} errors, ${last.missing + last.autosavesMissing} missing, ${last.duplicates} duplicates, load ${last.load.join("→")}` : "—"} | ${missed ? `${missed.learners}: p99 ${missed.p99} ms, ${missed.errors} errors, load ${missed.load.join("→")}` : "none"} |`,
      );
    } catch (error) {
      console.error(`✖ capacity ${name}: ${error instanceof Error ? error.message : error}`);
      rows.push({ metric: `${name}: failed (see the log above)`, value: 0, unit: "", ok: false });
    } finally {
      await setup?.stop();
      scratch.cleanup();
    }
  }
  console.log(
    `\n| Setup | Learners held | At that step | First step missed |\n| --- | --- | --- | --- |\n${summary.join("\n")}`,
  );
  return {
    name: `capacity: learners each writing every ${paceMs / 1000} s (${Math.round(quizShare * 100)} % autosaving a quiz), steps of ${seconds} s after ${warm} s warm-up`,
    rows,
  };
}
