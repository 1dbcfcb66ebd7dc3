import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { loadStudyBank } from "@/lib/server/testing/study-fixture";
import {
  buryCore,
  gradeCore,
  loadMoreCore,
  reportCore,
  savePreferencesCore,
  suspendCore,
  undoCore,
} from "./study-core";

// Role-matrix rows for the study actions (study.ts). Cards, grades and settings belong to one
// learner: nobody may grade with, undo or read another learner's rows.

const LEARNER2_REVIEW = "4b8a3c1e-2f6d-4e0a-9c7b-5d1e2f3a4b5c";
const CARD = { questionId: "fx-task-role", side: "" };
const grading = (reviewId: string) => ({
  reviewId,
  ref: CARD,
  grade: "good",
  durationMs: 1000,
  clientTime: "2026-01-01T00:00:00.000Z",
});

async function withBank(w: MatrixWorld) {
  if ((await w.db.question.count()) === 0) await loadStudyBank(w.db);
}

async function learner2Graded(w: MatrixWorld) {
  await withBank(w);
  if (!(await w.db.review.findUnique({ where: { id: LEARNER2_REVIEW } }))) {
    const result = await gradeCore(await w.as(w.users.learner2), grading(LEARNER2_REVIEW));
    expect(result.ok).toBe(true);
  }
}

const cardsOf = (w: MatrixWorld, key: "learner1" | "learner2") =>
  w.db.studyCard.count({ where: { userId: w.users[key].id } });

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/study.ts#undoAction",
    who: "Signed-in learners, for their own grades only.",
    attempts: [
      {
        label: "a visitor undoes learner2's grade",
        actor: null,
        expect: "refused",
        run: async (w) => {
          await learner2Graded(w);
          return undoCore(await w.as(null), {
            undoId: "11111111-2222-4333-8444-555555555555",
            reviewId: LEARNER2_REVIEW,
          });
        },
        verify: async (w) => expect(await w.db.review.count({ where: { kind: "undo" } })).toBe(0),
      },
      {
        label: "learner1 undoes learner2's grade",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          undoCore(await w.as(w.users.learner1), {
            undoId: "11111111-2222-4333-8444-666666666666",
            reviewId: LEARNER2_REVIEW,
          }),
        mustNotReveal: () => [CARD.questionId],
        verify: async (w) => {
          expect(await w.db.review.count({ where: { kind: "undo" } })).toBe(0);
          expect(
            (await w.db.studyCard.findFirstOrThrow({ where: { userId: w.users.learner2.id } })).reps,
          ).toBe(1);
        },
      },
      {
        label: "learner2 undoes their own grade",
        actor: "learner2",
        expect: "allowed",
        run: async (w) =>
          undoCore(await w.as(w.users.learner2), {
            undoId: "11111111-2222-4333-8444-777777777777",
            reviewId: LEARNER2_REVIEW,
          }),
        verify: async (w) =>
          expect(
            (await w.db.studyCard.findFirstOrThrow({ where: { userId: w.users.learner2.id } })).reps,
          ).toBe(0),
      },
    ],
  },
  ...(["suspend", "bury"] as const).map(
    (how): AccessRow => ({
      target: `lib/server/actions/study.ts#${how}Action`,
      who: "Signed-in learners, for their own cards only.",
      attempts: [
        {
          label: `a visitor tries to ${how} a card`,
          actor: null,
          expect: "refused",
          run: async (w) => {
            await withBank(w);
            return (how === "suspend" ? suspendCore : buryCore)(await w.as(null), { ref: CARD });
          },
          verify: async (w) => expect(await w.db.studyCard.count()).toBe(0),
        },
        {
          label: `learner1 tries to ${how} a card, which changes only their own deck`,
          actor: "learner1",
          expect: "allowed",
          run: async (w) =>
            (how === "suspend" ? suspendCore : buryCore)(await w.as(w.users.learner1), { ref: CARD }),
          verify: async (w) => {
            expect(await cardsOf(w, "learner1")).toBe(1);
            expect(await cardsOf(w, "learner2")).toBe(0);
          },
        },
      ],
    }),
  ),
  {
    target: "lib/server/actions/study.ts#loadMoreAction",
    who: "Signed-in learners, for their own queue only.",
    attempts: [
      {
        label: "a visitor asks for cards",
        actor: null,
        expect: "refused",
        run: async (w) => {
          await learner2Graded(w);
          return loadMoreCore(await w.as(null), { filter: {}, mode: "review" });
        },
      },
      {
        label: "learner1 loads their queue, which shows none of learner2's progress",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => {
          const result = await loadMoreCore(await w.as(w.users.learner1), { filter: {}, mode: "review" });
          if (result.ok) expect(result.view.items.every((item) => item.phase === "new")).toBe(true);
          return result;
        },
      },
    ],
  },
  {
    target: "lib/server/actions/study.ts#reportAction",
    who: "Signed-in learners: a report about a question, kept for the bank's authors.",
    attempts: [
      {
        label: "a visitor reports a question",
        actor: null,
        expect: "refused",
        run: async (w) => {
          await withBank(w);
          return reportCore(await w.as(null), {
            questionId: CARD.questionId,
            reason: "typo",
            message: "A typo here",
          });
        },
        verify: async (w) => expect(await w.db.questionReport.count()).toBe(0),
      },
      {
        label: "learner1 reports a question under their own name",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          reportCore(await w.as(w.users.learner1), {
            questionId: CARD.questionId,
            reason: "typo",
            message: "A typo here",
          }),
        verify: async (w) =>
          expect((await w.db.questionReport.findFirstOrThrow()).userId).toBe(w.users.learner1.id),
      },
    ],
  },
  {
    target: "lib/server/actions/study.ts#savePreferencesAction",
    who: "Signed-in learners, for their own preferences.",
    attempts: [
      {
        label: "a visitor saves study settings",
        actor: null,
        expect: "refused",
        run: async (w) => savePreferencesCore(await w.as(null), prefs()),
        verify: async (w) => expect(await w.db.studySettings.count()).toBe(0),
      },
      {
        label: "learner1 saves their own settings, and only theirs change",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => savePreferencesCore(await w.as(w.users.learner1), prefs()),
        verify: async (w) => {
          expect(
            (await w.db.studySettings.findUniqueOrThrow({ where: { userId: w.users.learner1.id } }))
              .newPerDay,
          ).toBe(7);
          expect(await w.db.studySettings.count()).toBe(1);
        },
      },
    ],
  },
];

function prefs() {
  return form({
    desiredRetention: "0.9",
    maximumIntervalDays: "365",
    newPerDay: "7",
    dayStartHour: "4",
    timeZone: "Europe/Paris",
    enableFuzz: "on",
  });
}
