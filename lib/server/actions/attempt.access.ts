import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { optionIdOf, seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";
import { checkAnswerCore, saveAnswerCore, startAttemptCore, submitAttemptCore } from "./attempt-core";

// Role-matrix rows for the attempt actions (attempt.ts). Only learners on the class's roster take
// its quizzes, and an attempt is touched only by the learner who started it.

/** learner2's open attempt at instructor2's quiz (started once per world). */
async function learner2Attempt(w: MatrixWorld) {
  const { quizId } = await seedMatrixQuiz(w);
  const result = await startAttemptCore(await w.as(w.users.learner2), { quizId });
  if (!result.ok) throw new Error("learner2 could not start");
  return { quizId, attemptId: result.attemptId };
}
/** An autosave of qz-one = B, with B named by the attempt's option id, as the runner sends it. */
const save = async (w: MatrixWorld, attemptId: string, seq: number) => ({
  attemptId,
  questionId: "qz-one",
  answer: { kind: "choice", keys: [(await optionIdOf(w.db, attemptId, "qz-one", "B")) ?? "B"] },
  flagged: false,
  seq,
});

/** learner2's attempt at instructor2's quiz switched to immediate feedback, with qz-one answered. */
async function learner2Answered(w: MatrixWorld) {
  const { quizId } = await seedMatrixQuiz(w);
  await w.db.quiz.update({ where: { id: quizId }, data: { feedback: "immediate" } });
  const { attemptId } = await learner2Attempt(w);
  const saved = await saveAnswerCore(await w.as(w.users.learner2), await save(w, attemptId, 1));
  if (!saved.ok) throw new Error("learner2 could not save");
  return { attemptId, questionId: "qz-one" };
}
const checkedCount = (w: MatrixWorld) => w.db.attemptAnswer.count({ where: { checkedAt: { not: null } } });

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/attempt.ts#checkAnswerAction",
    who: "Signed-in learners, for their own open attempt at a quiz with immediate feedback: check one answer.",
    attempts: [
      {
        label: "learner1 checks an answer in learner2's attempt",
        actor: "learner1",
        expect: "refused",
        run: async (w) => checkAnswerCore(await w.as(w.users.learner1), await learner2Answered(w)),
        mustNotReveal: () => ["Matrix quiz", "Fargate uses awsvpc", "ZZEXPLMARK3"],
        verify: async (w) => expect(await checkedCount(w)).toBe(0),
      },
      {
        label: "instructor2 checks an answer in their learner's attempt",
        actor: "instructor2",
        expect: "refused",
        run: async (w) => checkAnswerCore(await w.as(w.users.instructor2), await learner2Answered(w)),
        verify: async (w) => expect(await checkedCount(w)).toBe(0),
      },
      {
        label: "learner2 checks their own answer",
        actor: "learner2",
        expect: "allowed",
        run: async (w) => checkAnswerCore(await w.as(w.users.learner2), await learner2Answered(w)),
        verify: async (w) => expect(await checkedCount(w)).toBe(1),
      },
    ],
  },
  {
    target: "lib/server/actions/attempt.ts#startAttemptAction",
    who: "Signed-in learners, for quizzes of their classes or their own exams: start or resume an attempt.",
    attempts: [
      {
        label: "a visitor starts instructor2's quiz",
        actor: null,
        expect: "refused",
        run: async (w) => startAttemptCore(await w.as(null), { quizId: (await seedMatrixQuiz(w)).quizId }),
        verify: async (w) => expect(await w.db.quizAttempt.count()).toBe(0),
      },
      {
        label: "learner1, not on the roster, starts instructor2's quiz",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          startAttemptCore(await w.as(w.users.learner1), { quizId: (await seedMatrixQuiz(w)).quizId }),
        mustNotReveal: () => ["Matrix quiz", "qz-one"],
        verify: async (w) => expect(await w.db.quizAttempt.count()).toBe(0),
      },
      {
        label: "instructor1 starts instructor2's quiz",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          startAttemptCore(await w.as(w.users.instructor1), { quizId: (await seedMatrixQuiz(w)).quizId }),
        verify: async (w) => expect(await w.db.quizAttempt.count()).toBe(0),
      },
      {
        label: "learner2, on the roster, starts it",
        actor: "learner2",
        expect: "allowed",
        run: async (w) =>
          startAttemptCore(await w.as(w.users.learner2), { quizId: (await seedMatrixQuiz(w)).quizId }),
        verify: async (w) =>
          expect(await w.db.quizAttempt.count({ where: { userId: w.users.learner2.id } })).toBe(1),
      },
    ],
  },
  {
    target: "lib/server/actions/attempt.ts#submitAttemptAction",
    who: "Signed-in learners, for their own open attempts: submit (once).",
    attempts: [
      {
        label: "learner1 submits learner2's attempt",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          submitAttemptCore(await w.as(w.users.learner1), {
            attemptId: (await learner2Attempt(w)).attemptId,
          }),
        verify: async (w) => expect(await w.db.quizAttempt.count({ where: { status: "open" } })).toBe(1),
      },
      {
        label: "learner2 submits their attempt",
        actor: "learner2",
        expect: "allowed",
        run: async (w) =>
          submitAttemptCore(await w.as(w.users.learner2), {
            attemptId: (await learner2Attempt(w)).attemptId,
          }),
        verify: async (w) => expect(await w.db.quizAttempt.count({ where: { status: "submitted" } })).toBe(1),
      },
      {
        label: "learner2 submits it again (a replay)",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const attempt = await w.db.quizAttempt.findFirstOrThrow({ where: { userId: w.users.learner2.id } });
          return submitAttemptCore(await w.as(w.users.learner2), { attemptId: attempt.id });
        },
        verify: async (w) => expect(await w.db.quizAttempt.count()).toBe(1),
      },
    ],
  },
];
