import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "../auth/acting-user";
import { createPerson, loadQuizBank, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt, submitAttempt } from "./attempts";
import { recordGrade } from "./study-grading";
import { loadStudyQueue } from "./study-queue";

// Issue 21 item 7: while a learner's attempt is open, its questions are held back from Study, so
// cram mode cannot show their keys and a grading cannot tell right from wrong.

let db: TestDatabase;
let teacher: ActingUser;
let learner: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const everything = { topics: [], tags: [], banks: [] };
const QUIZ_QUESTIONS = ["qz-one", "qz-two", "qz-three"];

beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
  teacher = await createPerson(db.prisma, "teacher", true);
  learner = await createPerson(db.prisma, "learner");
});
afterEach(async () => {
  await db.cleanup();
});

const questionsIn = async (mode: "review" | "cram" | "missed", now: Date) =>
  (await loadStudyQueue(db.prisma, learner, everything, now, { mode, limit: 50 })).items.map(
    (i) => i.ref.questionId,
  );
const gradeQzOne = (now: Date) =>
  recordGrade(
    db.prisma,
    learner,
    {
      reviewId: randomUUID(),
      ref: { questionId: "qz-one", side: "" },
      answer: { kind: "choice", keys: ["A"] },
      confidence: "sure",
      durationMs: 3000,
      clientTime: now.toISOString(),
    },
    now,
  );

describe("questions of an open attempt in Study", () => {
  it("are held back from the queue, cram, what I missed and grading until the attempt is submitted", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    // Missed today before the quiz: qz-one was graded Again.
    await gradeQzOne(at(0));
    expect(await questionsIn("missed", at(1))).toContain("qz-one");
    expect(await questionsIn("cram", at(1))).toEqual(expect.arrayContaining(QUIZ_QUESTIONS));

    const { attemptId } = await startAttempt(db.prisma, learner, quizId, at(2));
    for (const mode of ["review", "cram", "missed"] as const) {
      const ids = await questionsIn(mode, at(3));
      for (const id of QUIZ_QUESTIONS) expect(ids, mode).not.toContain(id);
    }
    const refused = await gradeQzOne(at(4)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "refused" });
    expect((refused as AppError).userMessage).toMatch(/part of a quiz you are taking/);
    expect(JSON.stringify(refused)).not.toMatch(/awsvpc|isCorrect/);
    expect(await db.prisma.review.count({ where: { userId: learner.id } })).toBe(1);

    await submitAttempt(db.prisma, learner, attemptId, at(5));
    expect(await questionsIn("cram", at(6))).toEqual(expect.arrayContaining(QUIZ_QUESTIONS));
    expect((await gradeQzOne(at(7))).isCorrect).toBe(false);
  });

  it("come back once the attempt's time has run out", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], { timeLimitMinutes: 1 });
    await startAttempt(db.prisma, learner, quizId, at(0));
    expect(await questionsIn("cram", at(30))).not.toContain("qz-one");
    expect(await questionsIn("cram", at(120))).toContain("qz-one");
  });
});
