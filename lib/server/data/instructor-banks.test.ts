import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt } from "./attempts";
import { createPerson, loadQuizBank, seedClassQuiz } from "./attempts-fixture";
import { uploadInstructorBank } from "./instructor-banks";
import { builderChoices } from "./quizzes";
import { loadStudyQueue } from "./study-queue";

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
});
afterEach(async () => {
  await db.cleanup();
});

const GOOD = `---
id: my-bank
title: My bank
topic: my-topic
---

## Private question {#my-q}

kind: single · difficulty: 2

Which one?

- [x] This one
- [ ] That one
`;

describe("instructors' own banks", () => {
  it("a bank with errors reports lines and saves nothing", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const broken = GOOD.replace("- [x] This one", "- [ ] This one").replace("kind: single", "kind: sinlge");
    const before = await db.prisma.question.count();
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text: broken, fileName: "b.md", format: "gfm" },
      now,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.findings.length).toBeGreaterThan(0);
      expect(outcome.findings.every((f) => f.line >= 1)).toBe(true);
      expect(outcome.findings.some((f) => f.line === 9)).toBe(true);
    }
    expect(await db.prisma.question.count()).toBe(before);
    expect(await db.prisma.bank.count()).toBe(1);
  });

  it("a good bank is saved under a prefix, offered only to its owner, never in study", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const rival = await createPerson(db.prisma, "t2", true);
    const learner = await createPerson(db.prisma, "l1");
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text: GOOD, fileName: "b.md", format: "gfm" },
      now,
    );
    expect(outcome).toMatchObject({ ok: true, questions: 1 });
    const mine = (await builderChoices(db.prisma, teacher)).questions.map((q) => q.id);
    const privateId = mine.find((id) => id.endsWith(".my-q"));
    expect(privateId).toBeDefined();
    expect((await builderChoices(db.prisma, rival)).questions.map((q) => q.id)).not.toContain(privateId);
    const queue = await loadStudyQueue(db.prisma, learner, { topics: [], tags: [], banks: [] }, now);
    expect(queue.items.map((i) => i.ref.questionId)).not.toContain(privateId);
    // The owner's quiz can draw it; a learner of the class gets it in their attempt.
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify([privateId]) },
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, now);
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.items).toContain(String(privateId));
  });
});
