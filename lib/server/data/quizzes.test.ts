import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLearner, loadStudyBank } from "../testing/study-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createExam, examTopics } from "./quizzes";

let db: TestDatabase;
beforeEach(async () => {
  db = createTestDatabase();
  await loadStudyBank(db.prisma);
});
afterEach(async () => {
  await db.cleanup();
});

describe("examTopics", () => {
  it("counts only the questions an exam can draw, not the topic's flashcards and cloze cards", async () => {
    // The fixture's launch-types topic: one single-choice question, one flashcard, one cloze.
    expect(await examTopics(db.prisma)).toEqual([{ value: "launch-types", label: "Launch types", count: 1 }]);
    const learner = await createLearner(db.prisma, "l1");
    const exam = await createExam(db.prisma, learner, {
      title: "",
      topics: ["launch-types"],
      questionCount: 65,
      timeLimitMinutes: 130,
    });
    const made = await db.prisma.quiz.findUniqueOrThrow({ where: { id: exam.id } });
    // The count offered is the count drawn.
    expect(made.title).toBe("Practice exam (1 question)");
  });

  it("leaves out retired questions", async () => {
    await db.prisma.question.updateMany({ where: { id: "fx-netmode" }, data: { retiredAt: new Date() } });
    expect(await examTopics(db.prisma)).toEqual([]);
  });
});
