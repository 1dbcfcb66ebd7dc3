/**
 * Dashboard benchmark: the /progress data function for one heavy learner in a database of
 * 1,000,000 review rows from 1,000 learners. Target: under 200 ms (median and p95 after warm-up).
 * Run alone with `npx tsx --conditions=react-server scripts/bench/dashboard.ts`.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { readContent } from "../../lib/server/banks/read-content";
import { syncBanks } from "../../lib/server/banks/sync-banks";
import { loadProgress } from "../../lib/server/data/progress";
import { clearReviewHistoryCache } from "../../lib/server/data/progress-history";
import { createPrismaClient } from "../../lib/server/db";
import { applyMigrations } from "../../lib/server/testing/test-database";
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

/** Builds the database, then times loadProgress for the heaviest learner. */
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

    const db = createPrismaClient(`file:${file}`);
    const heavy = {
      id: "bench-user-0",
      name: "Learner 0",
      email: "bench-user-0@bench.test",
      roles: ["learner" as const],
    };
    const totalReviews = await db.review.count();
    const samples: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      // Cold: the first load in a process (or after an undo reaching into the past) reads the whole
      // history; warm loads read only the rows since the cached watermark. Both are reported.
      const isCold = i < 3;
      if (isCold) clearReviewHistoryCache(db);
      const started = performance.now();
      const view = await loadProgress(db, heavy, new Date(now + i * 1000));
      const ms = performance.now() - started;
      if (view.totals.reviews !== HEAVY_REVIEWS)
        throw new Error(`expected ${HEAVY_REVIEWS} reviews, got ${view.totals.reviews}`);
      if (isCold) cold.push(ms);
      else if (i >= WARMUP) samples.push(ms);
    }
    await db.$disconnect();
    const { median, p95 } = summarize(samples);
    const coldMedian = summarize(cold).median;
    return {
      name: `Dashboard data (loadProgress) for one learner with ${HEAVY_REVIEWS.toLocaleString("en")} reviews, ${totalReviews.toLocaleString("en")} review rows from ${LEARNERS} learners`,
      rows: [
        { metric: "review rows", value: totalReviews, unit: "rows" },
        ...(Number.isNaN(seedMs) ? [] : [{ metric: "seed (one transaction)", value: seedMs, unit: "ms" }]),
        {
          metric: "warm median",
          value: median,
          unit: "ms",
          target: `< ${TARGET_MS} ms`,
          ok: median < TARGET_MS,
        },
        { metric: "warm p95", value: p95, unit: "ms", target: `< ${TARGET_MS} ms`, ok: p95 < TARGET_MS },
        {
          metric: "cold (first load in a process), median of 3",
          value: coldMedian,
          unit: "ms",
          target: `< ${TARGET_MS} ms`,
          ok: coldMedian < TARGET_MS,
        },
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
  void benchDashboard().then(async (result) => {
    const { printResult } = await import("./types");
    printResult(result);
  });
}
