import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { loadQuizBank, seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";
import {
  createExamCore,
  createQuizCore,
  deleteQuizCore,
  duplicateQuizCore,
  updateQuizCore,
} from "./quiz-core";

// Role-matrix rows for the quiz builder actions (quiz.ts). Quizzes belong to the class's
// instructor; a practice exam belongs to the learner who built it.

const quizForm = (classId: string) => {
  const data = form({
    classId,
    title: "Built quiz",
    selection: "fixed",
    attemptsAllowed: "1",
    passMark: "70",
  });
  data.append("questionId", "qz-one");
  return data;
};
const quizzesOf = (w: MatrixWorld, key: "instructor1" | "instructor2" | "learner1" | "learner2") =>
  w.db.quiz.count({ where: { ownerId: w.users[key].id } });

const editForm = (quizId: string) => {
  const data = form({
    quizId,
    title: "Edited quiz",
    selection: "fixed",
    attemptsAllowed: "1",
    passMark: "50",
  });
  data.append("questionId", "qz-one");
  return data;
};
const deleteForm = (quizId: string) => form({ quizId, attempts: "0", confirm: "yes" });
const matrixQuizTitle = async (w: MatrixWorld) =>
  (await w.db.quiz.findFirst({ where: { ownerId: w.users.instructor2.id } }))?.title;

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/quiz.ts#updateQuizAction",
    who: "Instructors only, for quizzes they own: new settings (the questions only before any attempt).",
    attempts: [
      {
        label: "instructor1 edits instructor2's quiz",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          updateQuizCore(await w.as(w.users.instructor1), editForm((await seedMatrixQuiz(w)).quizId)),
        mustNotReveal: () => ["Matrix quiz", "Matrix class"],
        verify: async (w) => expect(await matrixQuizTitle(w)).toBe("Matrix quiz"),
      },
      {
        label: "learner2 edits their class's quiz",
        actor: "learner2",
        expect: "refused",
        run: async (w) =>
          updateQuizCore(await w.as(w.users.learner2), editForm((await seedMatrixQuiz(w)).quizId)),
        verify: async (w) => expect(await matrixQuizTitle(w)).toBe("Matrix quiz"),
      },
      {
        label: "instructor2 edits their own quiz",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) =>
          updateQuizCore(await w.as(w.users.instructor2), editForm((await seedMatrixQuiz(w)).quizId)),
        verify: async (w) => expect(await matrixQuizTitle(w)).toBe("Edited quiz"),
      },
    ],
  },
  {
    target: "lib/server/actions/quiz.ts#deleteQuizAction",
    who: "Instructors only, for quizzes they own: delete the quiz and its attempts (confirmed).",
    attempts: [
      {
        label: "instructor1 deletes instructor2's quiz",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          deleteQuizCore(await w.as(w.users.instructor1), deleteForm((await seedMatrixQuiz(w)).quizId)),
        mustNotReveal: () => ["Matrix quiz", "Matrix class"],
        verify: async (w) => expect(await w.db.quiz.count()).toBe(1),
      },
      {
        label: "learner2 deletes their class's quiz",
        actor: "learner2",
        expect: "refused",
        run: async (w) =>
          deleteQuizCore(await w.as(w.users.learner2), deleteForm((await seedMatrixQuiz(w)).quizId)),
        verify: async (w) => expect(await w.db.quiz.count()).toBe(1),
      },
      {
        label: "instructor2 deletes their own quiz",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) =>
          deleteQuizCore(await w.as(w.users.instructor2), deleteForm((await seedMatrixQuiz(w)).quizId)),
        verify: async (w) => expect(await w.db.quiz.count()).toBe(0),
      },
    ],
  },
  {
    target: "lib/server/actions/quiz.ts#createQuizAction",
    who: "Instructors only, for classes they own: a new quiz from the banks.",
    attempts: [
      {
        label: "instructor1 adds a quiz to instructor2's class",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return createQuizCore(await w.as(w.users.instructor1), quizForm(classId));
        },
        mustNotReveal: () => ["Matrix class", "Matrix quiz"],
        verify: async (w) => expect(await quizzesOf(w, "instructor1")).toBe(0),
      },
      {
        label: "learner2 adds a quiz to their own class",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return createQuizCore(await w.as(w.users.learner2), quizForm(classId));
        },
        verify: async (w) => expect(await quizzesOf(w, "learner2")).toBe(0),
      },
      {
        label: "instructor2 adds a quiz to their class",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return createQuizCore(await w.as(w.users.instructor2), quizForm(classId));
        },
        verify: async (w) => expect(await quizzesOf(w, "instructor2")).toBe(2),
      },
    ],
  },
  {
    target: "lib/server/actions/quiz.ts#duplicateQuizAction",
    who: "Instructors only, for quizzes they own: a copy in the same class.",
    attempts: [
      {
        label: "instructor1 copies instructor2's quiz",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => {
          const { quizId } = await seedMatrixQuiz(w);
          return duplicateQuizCore(await w.as(w.users.instructor1), form({ quizId }));
        },
        mustNotReveal: () => ["Matrix quiz"],
        verify: async (w) => expect(await w.db.quiz.count()).toBe(1),
      },
      {
        label: "learner2 copies their class's quiz",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const { quizId } = await seedMatrixQuiz(w);
          return duplicateQuizCore(await w.as(w.users.learner2), form({ quizId }));
        },
        verify: async (w) => expect(await w.db.quiz.count()).toBe(1),
      },
      {
        label: "instructor2 copies their own quiz",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => {
          const { quizId } = await seedMatrixQuiz(w);
          return duplicateQuizCore(await w.as(w.users.instructor2), form({ quizId }));
        },
        verify: async (w) =>
          expect(await w.db.quiz.count({ where: { title: "Matrix quiz (copy)" } })).toBe(1),
      },
    ],
  },
  {
    target: "lib/server/actions/quiz.ts#createExamAction",
    who: "Signed-in learners: a practice exam of their own.",
    attempts: [
      {
        label: "a visitor builds an exam",
        actor: null,
        expect: "refused",
        run: async (w) => {
          await loadQuizBank(w.db);
          return createExamCore(await w.as(null), form({ questionCount: "3", timeLimitMinutes: "5" }));
        },
        verify: async (w) => expect(await w.db.quiz.count()).toBe(0),
      },
      {
        label: "learner1 builds an exam for themself",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          createExamCore(await w.as(w.users.learner1), form({ questionCount: "3", timeLimitMinutes: "5" })),
        verify: async (w) => expect(await quizzesOf(w, "learner1")).toBe(1),
      },
    ],
  },
];
