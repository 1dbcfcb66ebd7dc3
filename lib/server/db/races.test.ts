import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newCardState } from "@/lib/srs";
import { createLoginThrottle } from "../auth/login-throttle";
import { startAttempt } from "../data/attempts";
import { recordGrade } from "../data/study-grading";
import { claimFirstAdmin } from "../data/users";
import { createPerson, loadQuizBank, seedClassQuiz } from "../testing/attempts-fixture";
import { createLearner, loadStudyBank } from "../testing/study-fixture";
import { type TestDatabase, testDialects } from "../testing/test-database";
import { closeDatabase, createPrismaClient, storeOf } from ".";
import type { CardStateColumns, GradingWrite } from "./store";

// Every write that used to be correct only because one process ran requests one at a time, raced
// through two independent connections (two clients on one database: on SQLite two connections with
// no shared lock, as two app processes have). Each guard named in lib/server/db/store.ts has a test
// here that fails when the guard is taken out of the SQL: the interleavings are made explicit
// (A reads, B writes, A writes) wherever the interface allows, so the failure is certain.

const t0 = new Date("2026-05-04T10:00:00Z");

const columns = (reps: number): CardStateColumns => {
  const state = newCardState(t0);
  return {
    phase: "review",
    due: new Date(t0.getTime() + reps * 86_400_000),
    stability: state.stability + reps,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: reps,
    learningSteps: 0,
    reps,
    lapses: 0,
    lastReview: t0,
  };
};

const grading = (
  userId: string,
  card: { id: string; expectedVersion: number | null },
  reviewId: string,
  reps: number,
  questionId = "fx-task-role",
): GradingWrite => ({
  card: { ...card, userId, questionId, side: "", state: columns(reps) },
  review: {
    id: reviewId,
    userId,
    cardId: card.id,
    questionId,
    revision: 1,
    grade: "good",
    wasNew: card.expectedVersion === null,
    stateBefore: "{}",
    stateAfter: JSON.stringify({ ...newCardState(t0), reps }),
    durationMs: 1000,
    answer: null,
    isCorrect: null,
    confidence: null,
    misconception: null,
    clientTime: t0,
    serverTime: t0,
  },
  now: t0,
});

describe.each(testDialects())("races through two connections on $dialect", ({ create }) => {
  let database: TestDatabase;
  let a: PrismaClient;
  let b: PrismaClient;

  beforeEach(async () => {
    database = await create();
    a = database.prisma;
    b = createPrismaClient(database.url);
    await loadStudyBank(a);
    await createLearner(a, "lena");
  });
  afterEach(async () => {
    await closeDatabase(b);
    await database.cleanup();
  });

  describe("grading", () => {
    it("writes a card only over the version it read: the later of two stale writers loses", async () => {
      const card = randomUUID();
      expect(
        await storeOf(a).applyGrading(grading("lena", { id: card, expectedVersion: null }, randomUUID(), 1)),
      ).toBe("applied");
      const readByA = await storeOf(a).studyCardByKey("lena", "fx-task-role", "");
      const readByB = await storeOf(b).studyCardByKey("lena", "fx-task-role", "");
      expect(readByA?.version).toBe(1);
      expect(readByB?.version).toBe(1);
      expect(
        await storeOf(b).applyGrading(grading("lena", { id: card, expectedVersion: 1 }, randomUUID(), 2)),
      ).toBe("applied");
      // A computed its state from version 1, which B has replaced: A's write must not land.
      expect(
        await storeOf(a).applyGrading(grading("lena", { id: card, expectedVersion: 1 }, randomUUID(), 3)),
      ).toBe("card-changed");
      const stored = await a.studyCard.findUniqueOrThrow({ where: { id: card } });
      expect({ reps: stored.reps, version: stored.version }).toEqual({ reps: 2, version: 2 });
      expect(await a.review.count()).toBe(2);
    });

    it("creates a learner's first card once when two first gradings race (ON CONFLICT DO NOTHING)", async () => {
      expect(await storeOf(a).studyCardByKey("lena", "fx-task-role", "")).toBeNull();
      expect(await storeOf(b).studyCardByKey("lena", "fx-task-role", "")).toBeNull();
      const first = randomUUID();
      expect(
        await storeOf(a).applyGrading(grading("lena", { id: first, expectedVersion: null }, randomUUID(), 1)),
      ).toBe("applied");
      expect(
        await storeOf(b).applyGrading(
          grading("lena", { id: randomUUID(), expectedVersion: null }, randomUUID(), 1),
        ),
      ).toBe("card-changed");
      expect(await a.studyCard.findMany({ select: { id: true } })).toEqual([{ id: first }]);
      expect(await a.review.count()).toBe(1);
    });

    it("records a grading id once: the repeat writes nothing, not even its card state", async () => {
      const card = randomUUID();
      const reviewId = randomUUID();
      expect(
        await storeOf(a).applyGrading(grading("lena", { id: card, expectedVersion: null }, reviewId, 1)),
      ).toBe("applied");
      expect(
        await storeOf(b).applyGrading(grading("lena", { id: card, expectedVersion: 1 }, reviewId, 5)),
      ).toBe("review-exists");
      const stored = await a.studyCard.findUniqueOrThrow({ where: { id: card } });
      expect({ reps: stored.reps, version: stored.version }).toEqual({ reps: 1, version: 1 });
      expect(await a.review.count()).toBe(1);
    });

    it("loses no grade when two processes grade one card at once", async () => {
      const learner = { id: "lena", name: "Lena", email: "lena@example.test", roles: ["learner" as const] };
      const gradeOnce = (client: PrismaClient, i: number) =>
        recordGrade(
          client,
          learner,
          {
            reviewId: randomUUID(),
            ref: { questionId: "fx-task-role", side: "" },
            grade: "good",
            durationMs: 1000,
            clientTime: t0.toISOString(),
          },
          new Date(t0.getTime() + i),
        );
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => gradeOnce(i % 2 ? a : b, i)));
      expect(results.every((r) => !r.repeated)).toBe(true);
      const card = await a.studyCard.findFirstOrThrow({ where: { userId: "lena" } });
      // Every grading moved the schedule once: none overwrote another's state.
      expect(card.reps).toBe(12);
      expect(card.version).toBe(12);
      expect(await a.review.count({ where: { userId: "lena" } })).toBe(12);
    });
  });

  describe("autosave", () => {
    let attemptId: string;
    beforeEach(async () => {
      await loadQuizBank(a);
      const teacher = await createPerson(a, "teacher", true);
      const learner = await createPerson(a, "learner");
      const { quizId } = await seedClassQuiz(a, teacher, [learner]);
      ({ attemptId } = await startAttempt(a, learner, quizId, t0));
    });
    const save = (seq: number, answer: string) => ({
      attemptId,
      questionId: "qz-one",
      answer: JSON.stringify({ kind: "choice", keys: [answer] }),
      flagged: false,
      seq,
    });

    it("applies a save only over an older sequence number", async () => {
      expect(await storeOf(a).writeAnswer(save(3, "A"), "insert", t0)).toBe(1);
      // Both read seq 3; B's seq 5 lands first, then A's seq 4, decided on its stale read, must not.
      expect(await storeOf(b).writeAnswer(save(5, "C"), "unchecked", t0)).toBe(1);
      expect(await storeOf(a).writeAnswer(save(4, "B"), "unchecked", t0)).toBe(0);
      const stored = await a.attemptAnswer.findFirstOrThrow({ where: { attemptId } });
      expect({ seq: stored.seq, answer: stored.answer }).toEqual({ seq: 5, answer: save(5, "C").answer });
    });

    it("inserts a question's first save once", async () => {
      expect(await storeOf(a).writeAnswer(save(1, "A"), "insert", t0)).toBe(1);
      expect(await storeOf(b).writeAnswer(save(2, "B"), "insert", t0)).toBe(0);
      expect(await a.attemptAnswer.count({ where: { attemptId } })).toBe(1);
    });

    it("never changes an answer once it was checked, nor any answer once the attempt ended", async () => {
      expect(await storeOf(a).writeAnswer(save(1, "A"), "insert", t0)).toBe(1);
      await b.attemptAnswer.updateMany({ where: { attemptId }, data: { checkedAt: t0 } });
      expect(await storeOf(a).writeAnswer(save(2, "B"), "unchecked", t0)).toBe(0);
      await b.quizAttempt.update({ where: { id: attemptId }, data: { status: "submitted", openKey: null } });
      expect(await storeOf(a).writeAnswer({ ...save(3, "A"), questionId: "qz-three" }, "insert", t0)).toBe(0);
      expect(await a.attemptAnswer.count({ where: { attemptId } })).toBe(1);
    });
  });

  it("makes one open attempt when two processes start the same quiz at once", async () => {
    await loadQuizBank(a);
    const teacher = await createPerson(a, "teacher", true);
    const learner = await createPerson(a, "learner");
    const { quizId } = await seedClassQuiz(a, teacher, [learner]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => startAttempt(i % 2 ? a : b, learner, quizId, t0)),
    );
    expect(new Set(results.map((r) => r.attemptId)).size).toBe(1);
    expect(await a.quizAttempt.count({ where: { quizId } })).toBe(1);
  });

  it("grants the first-admin claim once across processes", async () => {
    await a.user.create({
      data: { id: "aaa-first", name: "First", email: "first@example.test", createdAt: t0 },
    });
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claimFirstAdmin(i % 2 ? a : b, "aaa-first")),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.userRole.count({ where: { role: "admin" } })).toBe(1);
    // The claim outlives its account: when the first admin's account is gone, the now-oldest
    // account does not become admin by signing up again on another process.
    await b.user.delete({ where: { id: "aaa-first" } });
    await b.user.create({
      data: { id: "bbb-next", name: "Next", email: "next@example.test", createdAt: t0 },
    });
    expect(await claimFirstAdmin(b, "bbb-next")).toBe(false);
    expect(await a.userRole.count({ where: { role: "admin" } })).toBe(0);
  });

  it("counts sign-in attempts on one account one at a time across processes", async () => {
    const limits = { windowMs: 60_000, perAccount: 3, perAddress: 1000 };
    const throttle = (db: PrismaClient) =>
      createLoginThrottle({ db, secret: "s".repeat(32), limits, now: () => t0 });
    const onA = throttle(a);
    const onB = throttle(b);
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? onA : onB).begin({ email: "target@example.test", address: `10.0.0.${i}` }),
      ),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
  });
});
