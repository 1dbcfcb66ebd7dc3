/**
 * Load (issue 9 item 3, SECURITY.md item 18): LOAD_LEARNERS (100) concurrent learners for
 * LOAD_SECONDS (60) against `serve.mjs` on a copy of the large database, each learner on its own
 * keep-alive connection, with an online backup (`backupDatabase`) taken half-way through. Most
 * grade flashcards; a share (LOAD_QUIZ_SHARE, 0.2) has an open quiz attempt and autosaves answers
 * to it instead, each change with the next `seq`, as the quiz runner does. They call what the
 * browser calls: POST /api/study/grade and /api/quiz/autosave. Every tenth grading and autosave is sent
 * twice at once (a double press or a retry). Afterwards the server is stopped and the database is
 * read directly:
 * - acknowledged writes missing: gradings answered 2xx + {"ok":true} whose review row is absent,
 *   and autosaves answered {"ok":true,"saved":true} whose AttemptAnswer row holds an older seq;
 * - duplicate reviews: rows beyond one per grading id sent twice, or a card moved twice by one id.
 * Targets (issue 9): 0 errors, 0 missing, 0 duplicates, p99 < 250 ms; throughput reported.
 * Loopback only, bounded in time and in count (LOAD_MAX_REQUESTS, 200,000 by default).
 * LOAD_THINK_MS adds a pause between one learner's writes (default 0: a closed loop of 100
 * connections, as SECURITY.md item 18 asks; real learners pause seconds between cards).
 */

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import { baseEnv, bin, run } from "../lib/run";
import {
  actionSucceeded,
  ensureBuild,
  httpPost,
  largeDatabaseCopy,
  learnerAgent,
  openConnections,
  processTreeCpuMs,
  round,
  type Server,
  scratchFolder,
  seededLearners,
  sessionCookie,
  startServer,
} from "./harness";
import { type BenchResult, summarize } from "./types";

const P99_TARGET_MS = 250;

/**
 * The option keys a seeded attempt lists for each question, in order, without opaque ids (as an
 * attempt drawn before issue 21 had): the server then takes these keys as the ids, and the load's
 * answers pick among them. With an empty list every answer named an unknown option (422).
 */
export const LOAD_OPTION_KEYS = ["A", "B", "C", "D"];

/** An open quiz attempt a load learner autosaves into. */
export type QuizLearner = { attemptId: string; questionIds: string[] };

/** One acknowledged autosave: the attempt, question, seq and answer the server said it saved. */
export type AckedSave = { attemptId: string; questionId: string; seq: number; answer: string };

export type LoadOutcome = {
  sent: number;
  acknowledged: string[];
  autosaves: number;
  /** Requests sent again because the server closed their kept-alive connection as it was reused. */
  retried: number;
  savesAcknowledged: AckedSave[];
  errors: number;
  errorSamples: string[];
  latencies: number[];
  /** Per request: when it was sent (ms since the run began), how long it took, what it was. */
  timeline: Array<[number, number, string]>;
  duplicatesSent: string[];
  seconds: number;
};

/** Runs the load until `seconds` pass, `stop()` resolves true, or the request cap. */
export async function gradeLoad(
  server: Pick<Server, "url">,
  dbFile: string,
  options: {
    learners: number;
    seconds: number;
    maxRequests: number;
    /** Pause between one learner's writes (0: closed loop, each learner sends as fast as answered). */
    thinkMs?: number;
    midway?: () => Promise<void>;
    /** Learners (by user id) who autosave into an open attempt instead of grading. */
    quizLearners?: Map<string, QuizLearner>;
    /** Each learner's connections, kept from a warm-up into the measured run (the caller destroys them). */
    agents?: Map<number, http.Agent>;
    /** The last seq sent per attempt and question, shared between a warm-up and the measured run. */
    seqs?: Map<string, number>;
    /** Send only cookie-less gradings, refused (401) before any database read: Next's own floor. */
    floor?: boolean;
    /** The learners to drive (default: the seeded learners of `dbFile`). */
    roster?: Array<{ userId: string; token: string; cards: string[] }>;
    /**
     * Each learner sends a write every `paceMs` (first at a random moment within it), waiting for
     * the answer; a late answer makes the next write go at once. Replaces `thinkMs`.
     */
    paceMs?: number;
  },
): Promise<LoadOutcome> {
  const learners = options.roster ?? seededLearners(dbFile, options.learners);
  const outcome: LoadOutcome = {
    sent: 0,
    acknowledged: [],
    autosaves: 0,
    retried: 0,
    savesAcknowledged: [],
    errors: 0,
    errorSamples: [],
    latencies: [],
    timeline: [],
    duplicatesSent: [],
    seconds: 0,
  };
  const grades = ["again", "hard", "good", "easy"] as const;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  const send = async (
    agent: http.Agent,
    path: string,
    headers: Record<string, string>,
    body: string,
    acknowledge: (text: string) => boolean,
  ) => {
    const t0 = performance.now();
    outcome.sent += 1;
    try {
      // Every write the learners send is idempotent: a grading carries its id, an autosave its seq.
      const response = await httpPost(`${server.url}${path}`, headers, body, agent, 30_000, {
        idempotent: true,
      });
      if (response.retried) outcome.retried += 1;
      const text = response.text;
      outcome.latencies.push(performance.now() - t0);
      outcome.timeline.push([t0 - started, performance.now() - t0, path]);
      if (!((response.ok || (options.floor && response.status === 401)) && acknowledge(text))) {
        outcome.errors += 1;
        if (outcome.errorSamples.length < 5)
          outcome.errorSamples.push(`${path} ${response.status} ${text.slice(0, 200)}`);
      }
    } catch (error) {
      outcome.errors += 1;
      outcome.timeline.push([t0 - started, performance.now() - t0, `${path} failed`]);
      if (outcome.errorSamples.length < 5) outcome.errorSamples.push(String(error).slice(0, 200));
    }
  };
  const jsonHeaders = (cookie: string): Record<string, string> => ({
    Origin: server.url,
    "Content-Type": "application/json",
    "Sec-Fetch-Site": "same-origin",
    ...(cookie ? { Cookie: cookie } : {}),
  });
  const grade = (agent: http.Agent, cookie: string, request: object, reviewId: string) =>
    send(agent, "/api/study/grade", jsonHeaders(cookie), JSON.stringify(request), (text) => {
      const ok = actionSucceeded(text);
      if (ok) outcome.acknowledged.push(reviewId);
      return ok;
    });
  const autosave = (agent: http.Agent, cookie: string, save: AckedSave & { flagged: boolean }) => {
    outcome.autosaves += 1;
    const body = { ...save, answer: JSON.parse(save.answer) };
    return send(agent, "/api/quiz/autosave", jsonHeaders(cookie), JSON.stringify(body), (text) => {
      let answer: { ok?: boolean; saved?: boolean } = {};
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        return false;
      }
      // saved:false is a correct answer too: a retry of a seq already stored changes nothing.
      if (answer.ok && answer.saved) outcome.savesAcknowledged.push(save);
      return answer.ok === true;
    });
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const paceMs = options.paceMs ?? 0;
  // With a pace, each learner's next write is due paceMs after the last one was due.
  const due = new Map<number, number>();
  const pause = (index?: number) => {
    if (paceMs > 0 && index !== undefined) {
      const next = (due.get(index) ?? performance.now()) + paceMs;
      due.set(index, next);
      return sleep(Math.max(0, Math.min(next, endAt) - performance.now()));
    }
    return options.thinkMs ? sleep(options.thinkMs) : Promise.resolve();
  };
  const running = () => performance.now() < endAt && outcome.sent < options.maxRequests;
  const worker = async (index: number) => {
    try {
      await work(index);
    } finally {
      // Connections nobody will reuse are closed when the learner stops.
      if (!options.agents) ownAgents.get(index)?.destroy();
    }
  };
  const ownAgents = new Map<number, http.Agent>();
  const work = async (index: number) => {
    const learner = learners[index % learners.length];
    if (!learner) return;
    const cookie = sessionCookie(learner.token);
    const agents = options.agents ?? ownAgents;
    let agent = agents.get(index);
    if (!agent) {
      agent = learnerAgent();
      agents.set(index, agent);
    }
    const quiz = options.quizLearners?.get(learner.userId);
    let n = 0;
    if (paceMs > 0) {
      // Spread the learners' first writes over one period.
      const first = Math.random() * paceMs;
      due.set(index, performance.now() + first);
      await sleep(first);
    } else if (options.thinkMs) {
      // Learners who pause are independent people: each starts at a random moment within one
      // pause. Starting all of them in the same millisecond (as the closed-loop warm-up ends) sent
      // the server bursts of 100 writes a second apart for the run's first ~10 s, a lock step no
      // class produces, and those bursts alone made the run's p99 (2026-12-07: 490 ms in 0–5 s,
      // 249 ms in 5–10 s, under 90 ms in every later 5 s).
      await sleep(Math.random() * options.thinkMs);
    }
    if (options.floor) {
      while (running()) {
        await send(agent, "/api/study/grade", jsonHeaders(""), "{}", (text) => text.includes("Sign in"));
        n += 1;
        await pause(index);
      }
      return;
    }
    if (quiz) {
      const seqs = options.seqs ?? new Map<string, number>();
      while (running()) {
        const questionId = quiz.questionIds[n % quiz.questionIds.length] as string;
        const key = `${quiz.attemptId}:${questionId}`;
        const seq = (seqs.get(key) ?? 0) + 1;
        seqs.set(key, seq);
        const save = {
          attemptId: quiz.attemptId,
          questionId,
          seq,
          answer: JSON.stringify({ kind: "choice", keys: [String.fromCharCode(65 + ((n + index) % 4))] }),
          flagged: n % 7 === 0,
        };
        if (n % 10 === 9) await Promise.all([autosave(agent, cookie, save), autosave(agent, cookie, save)]);
        else await autosave(agent, cookie, save);
        n += 1;
        await pause(index);
      }
      return;
    }
    if (learner.cards.length === 0) return;
    while (running()) {
      const reviewId = randomUUID();
      const request = {
        reviewId,
        ref: { questionId: learner.cards[n % learner.cards.length], side: "" },
        grade: grades[(n + index) % 4],
        durationMs: 2500,
        clientTime: new Date().toISOString(),
      };
      if (n % 10 === 9) {
        // A double press or a retry: the same grading twice at once.
        outcome.duplicatesSent.push(reviewId);
        await Promise.all([grade(agent, cookie, request, reviewId), grade(agent, cookie, request, reviewId)]);
      } else await grade(agent, cookie, request, reviewId);
      n += 1;
      await pause(index);
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

/**
 * Gives `count` of the first `learners` seeded learners an open attempt at an exam of their own
 * (10 questions), written straight into the database file before the server starts.
 */
export function openQuizAttempts(dbFile: string, learners: number, count: number): Map<string, QuizLearner> {
  const result = new Map<string, QuizLearner>();
  if (count <= 0) return result;
  const db = new Database(dbFile);
  try {
    const users = seededLearners(dbFile, learners)
      .slice(-count)
      .map((learner) => learner.userId);
    const questions = db
      .prepare(`SELECT id, revision FROM "Question" WHERE retiredAt IS NULL ORDER BY id LIMIT 10`)
      .all() as Array<{ id: string; revision: number }>;
    const now = new Date().toISOString().replace("Z", "+00:00");
    const insertQuiz = db.prepare(
      `INSERT INTO "Quiz" (id, ownerId, mode, title, selection, questionIds, createdAt, updatedAt)
       VALUES (?, ?, 'exam', 'Load exam', 'fixed', ?, ?, ?)`,
    );
    const insertAttempt = db.prepare(
      `INSERT INTO "QuizAttempt" (id, quizId, userId, number, openKey, items, startedAt, status, total)
       VALUES (?, ?, ?, 1, ?, ?, ?, 'open', ?)`,
    );
    const items = JSON.stringify(
      questions.map((q) => ({ questionId: q.id, revision: q.revision, optionOrder: LOAD_OPTION_KEYS })),
    );
    db.transaction(() => {
      for (const userId of users) {
        const quizId = `load-quiz-${userId}`;
        const attemptId = `load-attempt-${userId}`;
        insertQuiz.run(quizId, userId, JSON.stringify(questions.map((q) => q.id)), now, now);
        insertAttempt.run(attemptId, quizId, userId, `${quizId}:${userId}`, items, now, questions.length);
        result.set(userId, { attemptId, questionIds: questions.map((q) => q.id) });
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return result;
}

/** Acknowledged autosaves whose row is missing or holds an older seq (or another answer for that seq). */
export function verifyAutosaves(
  dbFile: string,
  acknowledged: AckedSave[],
): { missing: number; checked: number } {
  const latest = new Map<string, AckedSave>();
  for (const save of acknowledged) {
    const key = `${save.attemptId}\u0000${save.questionId}`;
    const known = latest.get(key);
    if (!known || save.seq > known.seq) latest.set(key, save);
  }
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db.prepare(`SELECT seq, answer FROM "AttemptAnswer" WHERE attemptId = ? AND questionId = ?`);
    let missing = 0;
    for (const save of latest.values()) {
      const stored = row.get(save.attemptId, save.questionId) as
        | { seq: number; answer: string | null }
        | undefined;
      if (!stored || stored.seq < save.seq || (stored.seq === save.seq && stored.answer !== save.answer))
        missing += 1;
    }
    return { missing, checked: latest.size };
  } finally {
    db.close();
  }
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

export async function benchLoad(): Promise<BenchResult> {
  // LOAD_DB=postgres: PostgreSQL, LOAD_PROCESSES app processes behind HAProxy (load-cluster.ts).
  if (process.env.LOAD_DB === "postgres") return (await import("./load-cluster")).benchLoadCluster();
  const learners = Number(process.env.LOAD_LEARNERS ?? 100);
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const maxRequests = Number(process.env.LOAD_MAX_REQUESTS ?? 200_000);
  const thinkMs = Number(process.env.LOAD_THINK_MS ?? 0);
  const quizShare = Number(process.env.LOAD_QUIZ_SHARE ?? 0.2);
  const floor = process.env.LOAD_FLOOR === "1";
  await ensureBuild();
  const scratch = scratchFolder("taskdeck-bench-load-");
  const file = await largeDatabaseCopy(path.join(scratch.dir, "large.db"));
  const quizLearners = openQuizAttempts(file, learners, Math.round(learners * quizShare));
  const server = await startServer(file);
  const agents = new Map<number, http.Agent>();
  let backup = { ms: 0, ok: false, error: "" };
  try {
    // Warm up outside the measurement: every learner opens its two connections, then each route
    // loads its module graph. The warm-up's writes are verified with the measured ones.
    for (let index = 0; index < learners; index++) agents.set(index, learnerAgent());
    await openConnections(server.url, [...agents.values()]);
    const seqs = new Map<string, number>();
    const warm = await gradeLoad(server, file, {
      agents,
      learners,
      seconds: 3,
      maxRequests: 2_000,
      quizLearners,
      seqs,
    });
    const cpuBefore = processTreeCpuMs(server.child.pid);
    // The load generator's own event loop: a stall here would read as server latency.
    const generatorDelay = monitorEventLoopDelay({ resolution: 5 });
    generatorDelay.enable();
    const outcome = await gradeLoad(server, file, {
      learners,
      seconds,
      maxRequests,
      thinkMs,
      quizLearners,
      seqs,
      agents,
      floor,
      // The backup runs as its own process (`npm run backup`), as an operator would run it.
      midway: async () => {
        const t0 = performance.now();
        const code = await run(
          bin("tsx"),
          ["--conditions=react-server", "scripts/backup.ts", "--out", path.join(scratch.dir, "backup.db")],
          baseEnv({ DATABASE_URL: `file:${file}` }),
        );
        backup = { ms: performance.now() - t0, ok: code === 0, error: code === 0 ? "" : `exit code ${code}` };
      },
    });
    generatorDelay.disable();
    const cpuAfter = processTreeCpuMs(server.child.pid);
    const cpuPerRequest =
      cpuBefore !== null && cpuAfter !== null && outcome.sent > 0 ? (cpuAfter - cpuBefore) / outcome.sent : 0;
    outcome.acknowledged.push(...warm.acknowledged);
    outcome.duplicatesSent.push(...warm.duplicatesSent);
    outcome.savesAcknowledged.push(...warm.savesAcknowledged);
    await server.stop();
    const verified = verifyWrites(file, outcome.acknowledged, outcome.duplicatesSent);
    const saves = verifyAutosaves(file, outcome.savesAcknowledged);
    const s = summarize(outcome.latencies);
    if (outcome.errorSamples.length > 0)
      console.log(`  load errors (first ${outcome.errorSamples.length}):`, outcome.errorSamples);
    if (backup.error) console.log(`  backup failed: ${backup.error}`);
    if (process.env.LOAD_TIMELINE) {
      // Latency by when requests were sent, 5 s at a time (the backup starts half-way).
      for (let from = 0; from < seconds * 1000; from += 5000) {
        const slice = outcome.timeline.filter(([at]) => at >= from && at < from + 5000);
        const q = summarize(slice.map(([, ms]) => ms));
        const failed = slice.filter(([, , what]) => what.endsWith("failed")).length;
        console.log(
          `  ${from / 1000}–${from / 1000 + 5} s: ${slice.length} sent, p50 ${round(q.median)} ms, p99 ${round(q.p99)} ms, ${failed} failed`,
        );
      }
      for (const what of [...new Set(outcome.timeline.map(([, , w]) => w))]) {
        const q = summarize(outcome.timeline.filter(([, , w]) => w === what).map(([, ms]) => ms));
        console.log(`  ${what}: p50 ${round(q.median)} ms, p99 ${round(q.p99)} ms, max ${round(q.max)} ms`);
      }
      console.log(`  server log (tail):\n${server.log().slice(-3000)}`);
      // Every request's [sent at ms, latency ms, route], for a closer look.
      fs.mkdirSync("bench-results", { recursive: true });
      fs.writeFileSync("bench-results/load-timeline.json", JSON.stringify(outcome.timeline));
    }
    const busy = (server.log().match(/SQLITE_BUSY|database is locked/gi) ?? []).length;
    return {
      name:
        `${floor ? "load FLOOR (cookie-less gradings refused before any database read): " : ""}load: ${learners} learners (${quizLearners.size} autosaving a quiz) for ${seconds} s` +
        `${thinkMs ? ` (${thinkMs} ms between writes)` : ", closed loop"}, grading via POST /api/study/grade, backup mid-way`,
      rows: [
        { metric: "requests", value: outcome.sent, unit: "" },
        { metric: "of which quiz autosaves", value: outcome.autosaves, unit: "" },
        { metric: "throughput", value: round(outcome.sent / outcome.seconds), unit: "req/s" },
        { metric: "server CPU per request (user + system)", value: round(cpuPerRequest, 2), unit: "ms" },
        { metric: "latency p50", value: round(s.median), unit: "ms" },
        {
          metric: "load generator's event-loop delay, max",
          value: round(generatorDelay.max / 1e6),
          unit: "ms",
        },
        {
          metric: "latency p99",
          value: round(s.p99),
          unit: "ms",
          target: `< ${P99_TARGET_MS} ms`,
          ok: s.p99 < P99_TARGET_MS,
        },
        { metric: "latency max", value: round(s.max), unit: "ms" },
        { metric: "resent on a connection closed as it was reused", value: outcome.retried, unit: "" },
        { metric: "errors", value: outcome.errors, unit: "", target: "0", ok: outcome.errors === 0 },
        { metric: "busy errors in the server log", value: busy, unit: "", target: "0", ok: busy === 0 },
        { metric: "acknowledged gradings (incl. 3 s warm-up)", value: outcome.acknowledged.length, unit: "" },
        {
          metric: "acknowledged writes missing",
          value: verified.missing,
          unit: "",
          target: "0",
          ok: verified.missing === 0,
        },
        { metric: "autosaves acknowledged as saved", value: outcome.savesAcknowledged.length, unit: "" },
        {
          metric: "acknowledged autosaves missing (older seq stored)",
          value: saves.missing,
          unit: "",
          target: "0",
          ok: saves.missing === 0,
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
    for (const agent of agents.values()) agent.destroy();
    await server.stop();
    scratch.cleanup();
  }
}
