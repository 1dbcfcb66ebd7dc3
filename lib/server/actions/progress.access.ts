import { expect } from "vitest";
import type { AccessRow } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { saveExamDateCore } from "./progress-core";

// Role-matrix rows for the progress page's action (progress.ts). An exam date belongs to one
// learner: saving one never touches another learner's settings, whatever the form claims.

const EXAM = "2099-06-01";

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/progress.ts#saveExamDateAction",
    who: "Signed-in learners, for their own exam date.",
    attempts: [
      {
        label: "a visitor sets an exam date",
        actor: null,
        expect: "refused",
        run: async (w) => saveExamDateCore(await w.as(null), form({ examDate: EXAM, targetRecall: "0.9" })),
        verify: async (w) => expect(await w.db.studySettings.count()).toBe(0),
      },
      {
        label: "learner1 sets an exam date naming learner2 in the form, and only learner1's changes",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          saveExamDateCore(
            await w.as(w.users.learner1),
            form({ examDate: EXAM, targetRecall: "0.85", userId: w.users.learner2.id }),
          ),
        verify: async (w) => {
          const mine = await w.db.studySettings.findUniqueOrThrow({ where: { userId: w.users.learner1.id } });
          expect(mine.examDate?.toISOString()).toBe(`${EXAM}T12:00:00.000Z`);
          expect(mine.examTargetRecall).toBe(0.85);
          expect(await w.db.studySettings.count({ where: { userId: w.users.learner2.id } })).toBe(0);
        },
      },
      {
        label: "learner2 sends a date that is not one",
        actor: "learner2",
        expect: "refused",
        run: async (w) =>
          saveExamDateCore(await w.as(w.users.learner2), form({ examDate: "soon", targetRecall: "2" })),
        verify: async (w) =>
          expect(await w.db.studySettings.count({ where: { userId: w.users.learner2.id } })).toBe(0),
      },
    ],
  },
];
