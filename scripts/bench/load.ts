/**
 * Load (issue 9 item 3, SECURITY.md item 18): LOAD_LEARNERS (100) concurrent learners grading
 * flashcards for LOAD_SECONDS (60) against `next start` on a copy of the large database, each
 * learner on its own keep-alive connection, with an online backup (`backupDatabase`) taken
 * half-way through. Every tenth grading is sent twice at once with the same grading id.
 * Afterwards the server is stopped and the database is read directly:
 * - acknowledged writes missing: reviews answered 2xx + {"ok":true} but absent from the database;
 * - duplicate reviews: rows beyond one per grading id sent twice, or a card moved twice by one id.
 * Targets (issue 9): 0 errors, 0 missing, 0 duplicates, p99 < 250 ms; throughput reported.
 * Loopback only, bounded in time and in count (LOAD_MAX_REQUESTS, 200,000 by default).
 * LOAD_THINK_MS adds a pause between one learner's gradings (default 0: a closed loop of 100
 * connections, as SECURITY.md item 18 asks; real learners pause seconds between cards).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  actionHeaders,
  actionId,
  actionSucceeded,
  ensureBuild,
  largeDatabaseCopy,
  round,
  type Server,
  scratchFolder,
  seededLearners,
  sessionCookie,
  startServer,
} from "./harness";
import { type BenchResult, summarize } from "./types";

const P99_TARGET_MS = 250;

export type LoadOutcome = {
  sent: number;
  acknowledged: string[];
  errors: number;
  errorSamples: string[];
  latencies: number[];
  duplicatesSent: string[];
  seconds: number;
};

/** Runs the grading load until `seconds` pass, `stop()` resolves true, or the request cap. */
export async function gradeLoad(
  server: Pick<Server, "url">,
  dbFile: string,
  options: {
    learners: number;
    seconds: number;
    maxRequests: number;
    /** Pause between one learner's gradings (0: closed loop, each learner sends as fast as answered). */
    thinkMs?: number;
    midway?: () => Promise<void>;
  },
): Promise<LoadOutcome> {
  const id = actionId("lib/server/actions/study.ts", "gradeAction");
  if (!id) throw new Error("gradeAction is not in this build's server-reference manifest");
  const learners = seededLearners(dbFile, options.learners);
  const outcome: LoadOutcome = {
    sent: 0,
    acknowledged: [],
    errors: 0,
    errorSamples: [],
    latencies: [],
    duplicatesSent: [],
    seconds: 0,
  };
  const grades = ["again", "hard", "good", "easy"] as const;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  const post = async (cookie: string, body: string, reviewId: string) => {
    const t0 = performance.now();
    outcome.sent += 1;
    try {
      const response = await fetch(`${server.url}/study`, {
        method: "POST",
        headers: actionHeaders(server.url, id, cookie),
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      outcome.latencies.push(performance.now() - t0);
      if (response.ok && actionSucceeded(text)) outcome.acknowledged.push(reviewId);
      else {
        outcome.errors += 1;
        if (outcome.errorSamples.length < 5)
          outcome.errorSamples.push(`${response.status} ${text.slice(0, 200)}`);
      }
    } catch (error) {
      outcome.errors += 1;
      if (outcome.errorSamples.length < 5) outcome.errorSamples.push(String(error).slice(0, 200));
    }
  };
  const worker = async (index: number) => {
    const learner = learners[index % learners.length];
    if (!learner || learner.cards.length === 0) return;
    const cookie = sessionCookie(learner.token);
    let n = 0;
    while (performance.now() < endAt && outcome.sent < options.maxRequests) {
      const reviewId = randomUUID();
      const body = JSON.stringify([
        {
          reviewId,
          ref: { questionId: learner.cards[n % learner.cards.length], side: "" },
          grade: grades[(n + index) % 4],
          durationMs: 2500,
          clientTime: new Date().toISOString(),
        },
      ]);
      if (n % 10 === 9) {
        // A double press or a retry: the same grading twice at once.
        outcome.duplicatesSent.push(reviewId);
        await Promise.all([post(cookie, body, reviewId), post(cookie, body, reviewId)]);
      } else await post(cookie, body, reviewId);
      n += 1;
      if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
    }
  };
  const midway = options.midway
    ? new Promise<void>((resolve) =>
        setTimeout(
          () => {
            void options.midway?.().finally(resolve);
          },
          (options.seconds * 1000) / 2,
        ),
      )
    : Promise.resolve();
  await Promise.all([...Array.from({ length: options.learners }, (_, i) => worker(i)), midway]);
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

/** Reads the database after the load: acknowledged gradings missing, and duplicates. */
export function verifyWrites(
  dbFile: string,
  acknowledged: string[],
  duplicatesSent: string[],
): { missing: number; duplicateRows: number; reviewsAfter: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const has = db.prepare(`SELECT COUNT(*) AS n FROM "Review" WHERE id = ?`);
    const unique = [...new Set(acknowledged)];
    let missing = 0;
    for (const reviewId of unique) if ((has.get(reviewId) as { n: number }).n !== 1) missing += 1;
    // A grading id sent twice must leave exactly one row (and so one move of the card).
    let duplicateRows = 0;
    for (const reviewId of duplicatesSent) {
      const n = (has.get(reviewId) as { n: number }).n;
      if (n > 1) duplicateRows += n - 1;
    }
    // And no two grade rows of one card may carry the same state transition at the same instant.
    const twins = db
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT cardId, stateBefore FROM "Review" WHERE kind = 'grade' AND id NOT LIKE '00000000-0000-4000-8000-%'
         GROUP BY cardId, stateBefore HAVING COUNT(*) > 1)`,
      )
      .get() as { n: number };
    duplicateRows += twins.n;
    const reviewsAfter = (db.prepare(`SELECT COUNT(*) AS n FROM "Review"`).get() as { n: number }).n;
    return { missing, duplicateRows, reviewsAfter };
  } finally {
    db.close();
  }
}

function autosaveNote(): string | null {
  const folder = path.join("lib", "server", "actions");
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^attempt.*\.ts$/.test(f)) : [];
  const withAutosave = files.filter((f) => /autosave/i.test(fs.readFileSync(path.join(folder, f), "utf8")));
  return withAutosave.length === 0 ? "quiz autosave action not built yet: grading only" : null;
}

export async function benchLoad(): Promise<BenchResult> {
  const learners = Number(process.env.LOAD_LEARNERS ?? 100);
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const maxRequests = Number(process.env.LOAD_MAX_REQUESTS ?? 200_000);
  const thinkMs = Number(process.env.LOAD_THINK_MS ?? 0);
  await ensureBuild();
  const scratch = scratchFolder("taskdeck-bench-load-");
  const file = await largeDatabaseCopy(path.join(scratch.dir, "large.db"));
  const server = await startServer(file);
  let backup = { ms: 0, ok: false, error: "" };
  try {
    const { backupDatabase } = await import("../../lib/server/db-backup");
    // Warm the route (first compile of the action's module graph) outside the measurement.
    await gradeLoad(server, file, { learners: 4, seconds: 2, maxRequests: 50 });
    const outcome = await gradeLoad(server, file, {
      learners,
      seconds,
      maxRequests,
      thinkMs,
      midway: async () => {
        const t0 = performance.now();
        try {
          await backupDatabase(file, path.join(scratch.dir, "backup.db"));
          backup = { ms: performance.now() - t0, ok: true, error: "" };
        } catch (error) {
          backup = { ms: performance.now() - t0, ok: false, error: String(error) };
        }
      },
    });
    await server.stop();
    const verified = verifyWrites(file, outcome.acknowledged, outcome.duplicatesSent);
    const s = summarize(outcome.latencies);
    if (outcome.errorSamples.length > 0)
      console.log(`  load errors (first ${outcome.errorSamples.length}):`, outcome.errorSamples);
    if (backup.error) console.log(`  backup failed: ${backup.error}`);
    const busy = (server.log().match(/SQLITE_BUSY|database is locked/gi) ?? []).length;
    const note = autosaveNote();
    if (note) console.log(`  note: ${note}`);
    return {
      name: `load: ${learners} learners grading for ${seconds} s${thinkMs ? ` (${thinkMs} ms between gradings)` : ", closed loop"}, backup mid-way`,
      rows: [
        { metric: "requests", value: outcome.sent, unit: "" },
        { metric: "throughput", value: round(outcome.sent / outcome.seconds), unit: "req/s" },
        { metric: "latency p50", value: round(s.median), unit: "ms" },
        {
          metric: "latency p99",
          value: round(s.p99),
          unit: "ms",
          target: `< ${P99_TARGET_MS} ms`,
          ok: s.p99 < P99_TARGET_MS,
        },
        { metric: "latency max", value: round(s.max), unit: "ms" },
        { metric: "errors", value: outcome.errors, unit: "", target: "0", ok: outcome.errors === 0 },
        { metric: "busy errors in the server log", value: busy, unit: "", target: "0", ok: busy === 0 },
        { metric: "acknowledged gradings", value: outcome.acknowledged.length, unit: "" },
        {
          metric: "acknowledged writes missing",
          value: verified.missing,
          unit: "",
          target: "0",
          ok: verified.missing === 0,
        },
        { metric: "gradings sent twice", value: outcome.duplicatesSent.length, unit: "" },
        {
          metric: "duplicate reviews",
          value: verified.duplicateRows,
          unit: "",
          target: "0",
          ok: verified.duplicateRows === 0,
        },
        { metric: "review rows after", value: verified.reviewsAfter, unit: "" },
        {
          metric: "online backup during load",
          value: round(backup.ms),
          unit: "ms",
          target: "ok",
          ok: backup.ok,
        },
      ],
    };
  } finally {
    await server.stop();
    scratch.cleanup();
  }
}
