/**
 * Dashboard benchmark: the /progress data function for one heavy learner in a database of
 * 1,000,000 review rows from 1,000 learners. Target: under 200 ms, cold (the first load in a new
 * process) and warm (median and p95).
 * Run alone with `npx tsx --conditions=react-server scripts/bench/dashboard.ts`.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { readContent } from "../../lib/server/banks/read-content";
import { syncBanks } from "../../lib/server/banks/sync-banks";
import { loadProgress } from "../../lib/server/data/progress";
import { createPrismaClient } from "../../lib/server/db";
import { applyMigrations } from "../../lib/server/testing/test-database";
import { baseEnv, bin } from "../lib/run";
import { type BenchResult, summarize } from "./types";

const LEARNERS = 1000;
const REVIEWS = 1_000_000;
/** The heavy learner: about 55 reviews a day for two years. */
const HEAVY_REVIEWS = 40_000;
const CARDS_PER_LEARNER = 100;
const WARMUP = 5;
const RUNS = 20;
const TARGET_MS = 200;
const DAY = 86_400_000;
const execFileAsync = promisify(execFile);

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same database. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seed(file: string, questionIds: string[], now: number): void {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const random = rng(42);
  const insertUser = db.prepare(
    "INSERT INTO User (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 0, ?, ?)",
  );
  const insertCard = db.prepare(
    `INSERT INTO StudyCard (id, userId, questionId, side, phase, due, stability, difficulty, elapsedDays, scheduledDays,
       learningSteps, reps, lapses, lastReview, createdAt, updatedAt)
     VALUES (?, ?, ?, '', 'review', ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const insertReview = db.prepare(
    `INSERT INTO Review (id, userId, cardId, questionId, revision, kind, grade, wasNew, stateBefore, stateAfter,
       durationMs, isCorrect, confidence, misconception, clientTime, serverTime)
     VALUES (?, ?, ?, ?, 1, 'grade', ?, 0, '{}', '{}', ?, ?, ?, ?, ?, ?)`,
  );
  const GRADES = ["again", "hard", "good", "easy"];
  const MISCONCEPTIONS = [
    "bridge-on-fargate",
    "host-on-fargate",
    "task-role-vs-execution-role",
    "alb-static-ip",
  ];
  db.transaction(() => {
    const created = iso(now - 800 * DAY);
    for (let u = 0; u < LEARNERS; u += 1) {
      const userId = `bench-user-${u}`;
      insertUser.run(userId, `Learner ${u}`, `${userId}@bench.test`, created, created);
      const heavy = u === 0;
      const cardCount = heavy ? questionIds.length : Math.min(CARDS_PER_LEARNER, questionIds.length);
      const cards: Array<{ id: string; questionId: string }> = [];
      for (let c = 0; c < cardCount; c += 1) {
        const questionId = questionIds[(c + u) % questionIds.length] as string;
        const id = `${userId}-c${c}`;
        const stability = 0.5 + random() * 120;
        const last = now - Math.floor(random() * 60) * DAY;
        const interval = Math.max(1, Math.round(stability));
        insertCard.run(
          id,
          userId,
          questionId,
          iso(last + interval * DAY),
          stability,
          1 + random() * 9,
          interval,
          5,
          1,
          iso(last),
          created,
          created,
        );
        cards.push({ id, questionId });
      }
      const reviews = heavy
        ? HEAVY_REVIEWS
        : Math.floor((REVIEWS - HEAVY_REVIEWS) / (LEARNERS - 1)) +
          (u <= (REVIEWS - HEAVY_REVIEWS) % (LEARNERS - 1) ? 1 : 0);
      const span = heavy ? 730 : 365;
      for (let r = 0; r < reviews; r += 1) {
        const card = cards[Math.floor(random() * cards.length)] as { id: string; questionId: string };
        const at = iso(now - Math.floor(random() * span * DAY));
        const grade = GRADES[Math.floor(random() * 4)] as string;
        const isQuestion = random() < 0.5;
        const isCorrect = isQuestion ? (grade === "again" ? 0 : 1) : null;
        const misconception =
          isQuestion && grade === "again" && random() < 0.5 ? MISCONCEPTIONS[Math.floor(random() * 4)] : null;
        insertReview.run(
          randomUUID(),
          userId,
          card.id,
          card.questionId,
          grade,
          2000 + Math.floor(random() * 20_000),
          isCorrect,
          isQuestion ? "sure" : null,
          misconception ?? null,
          at,
          at,
        );
      }
    }
  })();
  db.pragma("synchronous = NORMAL");
  db.close();
}

const HEAVY = {
  id: "bench-user-0",
  name: "Learner 0",
  email: "bench-user-0@bench.test",
  roles: ["learner" as const],
};
/** Learners whose first load in a warm process is timed ("a learner not yet seen"). */
const OTHER_LEARNERS = 20;
const COLD_PROCESSES = 3;

/**
 * One cold load: a fresh process opens the database (one query, as the session check of the
 * first request does), then times the heavy learner's first dashboard. Prints the milliseconds.
 */
async function coldOnce(file: string, now: number): Promise<void> {
  const db = createPrismaClient(`file:${file}`);
  await db.user.count({ where: { id: HEAVY.id } });
  const started = performance.now();
  const view = await loadProgress(db, HEAVY, new Date(now));
  const ms = performance.now() - started;
  if (view.totals.reviews !== HEAVY_REVIEWS)
    throw new Error(`expected ${HEAVY_REVIEWS} reviews, got ${view.totals.reviews}`);
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}

async function coldInChild(file: string, now: number): Promise<number> {
  const { stdout } = await execFileAsync(
    bin("tsx"),
    ["--conditions=react-server", "scripts/bench/dashboard.ts", "--cold", file, String(now)],
    { env: baseEnv(), maxBuffer: 1 << 20 },
  );
  const line = stdout.trim().split("\n").at(-1) ?? "";
  return (JSON.parse(line) as { ms: number }).ms;
}

/** Builds the database, then times loadProgress for the heaviest learner: cold and warm. */
export async function benchDashboard(): Promise<BenchResult> {
  // BENCH_DASHBOARD_DB=<file> keeps the seeded database there and reuses it on the next run.
  const kept = process.env.BENCH_DASHBOARD_DB;
  const dir = kept ? path.dirname(kept) : fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-bench-dashboard-"));
  const file = kept ?? path.join(dir, "bench.db");
  const reuse = Boolean(kept && fs.existsSync(kept));
  const now = reuse ? Number(fs.readFileSync(`${file}.now`, "utf8")) : Date.now();
  let seedMs = 0;
  try {
    if (!reuse) await build(file, now);
    seedMs = reuse ? Number.NaN : Number(fs.readFileSync(`${file}.seedms`, "utf8"));

    // Cold: the first dashboard after a server start, each in a new process (new connection, no
    // JIT, no Prisma query plans). The OS file cache stays warm: it is shared and not ours to drop.
    const cold: number[] = [];
    for (let i = 0; i < COLD_PROCESSES; i += 1) cold.push(await coldInChild(file, now));

    const db = createPrismaClient(`file:${file}`);
    const totalReviews = await db.review.count();
    // A warm process, first load for each of 20 other learners (about 1,000 reviews each).
    await loadProgress(db, HEAVY, new Date(now));
    const firstForLearner: number[] = [];
    for (let u = 1; u <= OTHER_LEARNERS; u += 1) {
      const learner = { id: `bench-user-${u}`, name: `Learner ${u}`, email: "", roles: ["learner" as const] };
      const started = performance.now();
      await loadProgress(db, learner, new Date(now));
      firstForLearner.push(performance.now() - started);
    }
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const started = performance.now();
      const view = await loadProgress(db, HEAVY, new Date(now + i * 1000));
      const ms = performance.now() - started;
      if (view.totals.reviews !== HEAVY_REVIEWS)
        throw new Error(`expected ${HEAVY_REVIEWS} reviews, got ${view.totals.reviews}`);
      if (i >= WARMUP) samples.push(ms);
    }
    await db.$disconnect();
    const { median, p95 } = summarize(samples);
    const coldSummary = summarize(cold);
    const others = summarize(firstForLearner);
    const row = (metric: string, value: number) => ({
      metric,
      value,
      unit: "ms",
      target: `< ${TARGET_MS} ms`,
      ok: value < TARGET_MS,
    });
    return {
      name: `Dashboard data (loadProgress) for one learner with ${HEAVY_REVIEWS.toLocaleString("en")} reviews, ${totalReviews.toLocaleString("en")} review rows from ${LEARNERS} learners`,
      rows: [
        { metric: "review rows", value: totalReviews, unit: "rows" },
        ...(Number.isNaN(seedMs) ? [] : [{ metric: "seed (one transaction)", value: seedMs, unit: "ms" }]),
        row(`cold: first load in a new process, median of ${COLD_PROCESSES}`, coldSummary.median),
        row(`cold: first load in a new process, slowest of ${COLD_PROCESSES}`, coldSummary.max),
        row(`first load for each of ${OTHER_LEARNERS} other learners (warm process), p95`, others.p95),
        row("warm median", median),
        row("warm p95", p95),
      ],
    };
  } finally {
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A migrated database with the shipped banks, 1,000 learners and 1,000,000 reviews. */
async function build(file: string, now: number): Promise<void> {
  applyMigrations(file);
  const prisma = createPrismaClient(`file:${file}`);
  const { input } = readContent();
  await syncBanks(prisma, input, new Date(now));
  const questionIds = (await prisma.question.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (q) => q.id,
  );
  await prisma.$disconnect();
  const started = performance.now();
  seed(file, questionIds, now);
  fs.writeFileSync(`${file}.seedms`, String(Math.round(performance.now() - started)));
  fs.writeFileSync(`${file}.now`, String(now));
  const db = createPrismaClient(`file:${file}`);
  await db.studySettings.create({
    data: { userId: "bench-user-0", examDate: new Date(now + 60 * DAY), timeZone: "Europe/Paris" },
  });
  await db.$disconnect();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv[2] === "--cold") void coldOnce(process.argv[3] ?? "", Number(process.argv[4]));
  else
    void benchDashboard().then(async (result) => {
      const { printResult } = await import("./types");
      printResult(result);
    });
}
