import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { recordGrade } from "../../data/study-grading";
import { createLearner, loadStudyBank } from "../../testing/study-fixture";
import { createSqliteTestDatabase, type TestDatabase } from "../../testing/test-database";
import { isStorageUnavailable, storeOf } from "..";
import { BUSY_RETRY_TOTAL_MS } from "./client";

// Another process holding SQLite's write lock (a backup tool, a sync, a second server) must not
// stall Taskdeck: SQLite's own wait blocks the event loop, so it is kept short and the rest of the
// wait is asynchronous retries; past the bound a write answers "busy" (503, NOT saved, try again),
// and the health check says "busy" at once. The lock here is held by a real second process.

let db: TestDatabase | undefined;
let holder: ChildProcess | undefined;
afterEach(async () => {
  holder?.kill("SIGKILL");
  holder = undefined;
  await db?.cleanup();
  db = undefined;
});

/** Starts a process that takes the write lock and holds it for `ms`; resolves once it holds it. */
function holdWriteLock(file: string, ms: number): Promise<void> {
  const source = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); process.exit(0); }, Number(process.argv[2]));
  `;
  holder = spawn(process.execPath, ["-e", source, file, String(ms)], { cwd: process.cwd() });
  const child = holder;
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
}

/** Watches the event loop: the longest gap between 5 ms ticks while `run` is in progress. */
async function longestStall<T>(
  run: () => Promise<T>,
): Promise<{ result: T | Error; stallMs: number; ms: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  let result: T | Error;
  try {
    result = await run();
  } catch (error) {
    result = error as Error;
  }
  clearInterval(timer);
  return { result, stallMs, ms: performance.now() - started };
}

const learner = { id: "lena", name: "Lena", email: "lena@example.test", roles: ["learner" as const] };
const grade = (reviewId = randomUUID()) => ({
  reviewId,
  ref: { questionId: "fx-task-role", side: "" },
  grade: "good" as const,
  durationMs: 1000,
  clientTime: "2026-05-04T10:00:00.000Z",
});

describe("a database locked by another process", () => {
  it("refuses a grading as busy after the bounded wait, without stalling the event loop", async () => {
    db = createSqliteTestDatabase();
    await loadStudyBank(db.prisma);
    await createLearner(db.prisma, "lena");
    const prisma = db.prisma;
    await holdWriteLock(db.file, BUSY_RETRY_TOTAL_MS + 4000);
    const health = await longestStall(() => storeOf(prisma).storageState());
    expect(health.result).toBe("busy");
    const graded = await longestStall(() => recordGrade(prisma, learner, grade(), new Date()));
    expect(graded.result).toBeInstanceOf(Error);
    expect(isStorageUnavailable(graded.result)).toBe(true);
    // Bounded: it gave up near the retry bound, never waiting as long as the lock was held.
    expect(graded.ms).toBeLessThan(BUSY_RETRY_TOTAL_MS + 1500);
    // The old synchronous 5 s busy_timeout stalled the loop for the whole wait; now SQLite's own
    // wait (40 ms) is the longest stall, with generous room for a loaded machine.
    expect(Math.max(health.stallMs, graded.stallMs)).toBeLessThan(500);
    expect(await prisma.review.count()).toBe(0);
  }, 20_000);

  it("lands a grading that waited for a short hold, once, with nothing lost", async () => {
    db = createSqliteTestDatabase();
    await loadStudyBank(db.prisma);
    await createLearner(db.prisma, "lena");
    const prisma = db.prisma;
    await holdWriteLock(db.file, 800);
    const reviewId = randomUUID();
    const graded = await longestStall(() => recordGrade(prisma, learner, grade(reviewId), new Date()));
    expect(graded.result).toMatchObject({ reviewId, repeated: false });
    expect(graded.stallMs).toBeLessThan(500);
    expect(await prisma.review.count()).toBe(1);
  }, 20_000);
});
