import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActingUser } from "../auth/acting-user";
import { STORAGE_UNAVAILABLE_MESSAGE } from "../auth/action-result";
import { startAttempt } from "../data/attempts";
import { createPerson, loadQuizBank, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, setStorageReadOnly, type TestDatabase } from "../testing/test-database";
import { submitAttemptCore } from "./attempt-core";
import { refusingWhenStorageUnavailable } from "./storage-guard";

// The quiz actions on a database that cannot take a write (setStorageReadOnly refuses writes as a
// read-only disk does): a typed refusal saying nothing was saved, and nothing changed.

let db: TestDatabase;
let teacher: ActingUser;
let learner: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");

beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
  teacher = await createPerson(db.prisma, "teacher", true);
  learner = await createPerson(db.prisma, "learner");
});
afterEach(async () => {
  await setStorageReadOnly(db, false);
  await db.cleanup();
});

describe("a quiz write when storage is unavailable", () => {
  it("answers that nothing was saved, and the attempt stays open", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    await setStorageReadOnly(db, true);
    const result = await refusingWhenStorageUnavailable("a quiz write", () =>
      submitAttemptCore({ actor: learner, db: db.prisma }, { attemptId }, t0),
    );
    expect(result).toEqual({
      ok: false,
      formError: STORAGE_UNAVAILABLE_MESSAGE,
      reason: "storage-unavailable",
    });
    await setStorageReadOnly(db, false);
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("open");
    expect(attempt.finishedAt).toBeNull();
  });

  it("passes every other error on", async () => {
    const boom = new Error("something else");
    await expect(refusingWhenStorageUnavailable("a quiz write", () => Promise.reject(boom))).rejects.toBe(
      boom,
    );
  });

  it("passes a successful result through unchanged", async () => {
    await expect(
      refusingWhenStorageUnavailable("a quiz write", async () => ({ ok: true as const })),
    ).resolves.toEqual({
      ok: true,
    });
  });
});
