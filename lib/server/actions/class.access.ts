import { expect } from "vitest";
import type { AccessRow } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";
import {
  blockMemberCore,
  createClassCore,
  joinClassCore,
  removeMemberCore,
  rotateJoinCodeCore,
  unblockMemberCore,
} from "./class-core";

// Role-matrix rows for the class actions (class.ts). A class belongs to its instructor; the roster
// changes only by a learner joining with the code or by the owner removing, blocking or unblocking
// someone; only the owner replaces the code.

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/class.ts#createClassAction",
    who: "Instructors only: a new class they own.",
    attempts: [
      {
        label: "a visitor creates a class",
        actor: null,
        expect: "refused",
        run: async (w) => createClassCore(await w.as(null), form({ name: "Sneaky" })),
      },
      {
        label: "learner1 creates a class",
        actor: "learner1",
        expect: "refused",
        run: async (w) => createClassCore(await w.as(w.users.learner1), form({ name: "Sneaky" })),
        verify: async (w) => expect(await w.db.class.count()).toBe(0),
      },
      {
        label: "instructor1 creates a class",
        actor: "instructor1",
        expect: "allowed",
        run: async (w) => createClassCore(await w.as(w.users.instructor1), form({ name: "Morning cohort" })),
        verify: async (w) =>
          expect(await w.db.class.count({ where: { ownerId: w.users.instructor1.id } })).toBe(1),
      },
    ],
  },
  {
    target: "lib/server/actions/class.ts#joinClassAction",
    who: "Signed-in people: join the class whose code they enter.",
    attempts: [
      {
        label: "a visitor joins instructor2's class",
        actor: null,
        expect: "refused",
        run: async (w) => {
          await seedMatrixQuiz(w);
          return joinClassCore(await w.as(null), form({ code: "MATRIX22" }));
        },
      },
      {
        label: "learner1 tries a code that does not exist",
        actor: "learner1",
        expect: "refused",
        run: async (w) => joinClassCore(await w.as(w.users.learner1), form({ code: "NOSUCH99" })),
        verify: async (w) =>
          expect(await w.db.classMember.count({ where: { userId: w.users.learner1.id } })).toBe(0),
      },
      {
        label: "learner1 joins with the code",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => joinClassCore(await w.as(w.users.learner1), form({ code: "matrix22" })),
        verify: async (w) =>
          expect(await w.db.classMember.count({ where: { userId: w.users.learner1.id } })).toBe(1),
      },
    ],
  },
  {
    target: "lib/server/actions/class.ts#removeMemberAction",
    who: "Instructors only, for classes they own: remove a learner from the roster.",
    attempts: [
      {
        label: "instructor1 removes learner2 from instructor2's class",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return removeMemberCore(
            await w.as(w.users.instructor1),
            form({ classId, userId: w.users.learner2.id, confirm: "yes" }),
          );
        },
        mustNotReveal: () => ["Matrix class"],
        verify: async (w) => expect(await w.db.classMember.count()).toBe(1),
      },
      {
        label: "learner2 removes themself through the instructor's door",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return removeMemberCore(
            await w.as(w.users.learner2),
            form({ classId, userId: w.users.learner2.id, confirm: "yes" }),
          );
        },
        verify: async (w) => expect(await w.db.classMember.count()).toBe(1),
      },
      {
        label: "instructor2 removes learner2 from their class",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return removeMemberCore(
            await w.as(w.users.instructor2),
            form({ classId, userId: w.users.learner2.id, confirm: "yes" }),
          );
        },
        verify: async (w) => expect(await w.db.classMember.count()).toBe(0),
      },
    ],
  },
  {
    target: "lib/server/actions/class.ts#blockMemberAction",
    who: "Instructors only, for classes they own: remove a learner and block them from rejoining (confirmed).",
    attempts: [
      {
        label: "instructor1 blocks learner2 from instructor2's class",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return blockMemberCore(
            await w.as(w.users.instructor1),
            form({ classId, userId: w.users.learner2.id, confirm: "yes" }),
          );
        },
        mustNotReveal: () => ["Matrix class"],
        verify: async (w) => {
          expect(await w.db.classMember.count()).toBe(1);
          expect(await w.db.classBlock.count()).toBe(0);
        },
      },
      {
        label: "learner2 blocks themself through the instructor's door",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return blockMemberCore(
            await w.as(w.users.learner2),
            form({ classId, userId: w.users.learner2.id, confirm: "yes" }),
          );
        },
        verify: async (w) => expect(await w.db.classBlock.count()).toBe(0),
      },
      {
        label: "instructor2 blocks learner2 from their class",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return blockMemberCore(
            await w.as(w.users.instructor2),
            form({ classId, userId: w.users.learner2.id, confirm: "yes" }),
          );
        },
        verify: async (w) => {
          expect(await w.db.classMember.count()).toBe(0);
          expect(await w.db.classBlock.count()).toBe(1);
        },
      },
    ],
  },
  {
    target: "lib/server/actions/class.ts#unblockMemberAction",
    who: "Instructors only, for classes they own: let a blocked person join again.",
    attempts: [
      {
        label: "instructor1 unblocks learner2 in instructor2's class",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          await w.db.classBlock.create({ data: { classId, userId: w.users.learner2.id } });
          return unblockMemberCore(
            await w.as(w.users.instructor1),
            form({ classId, userId: w.users.learner2.id }),
          );
        },
        mustNotReveal: () => ["Matrix class"],
        verify: async (w) => expect(await w.db.classBlock.count()).toBe(1),
      },
      {
        label: "learner2 unblocks themself",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return unblockMemberCore(
            await w.as(w.users.learner2),
            form({ classId, userId: w.users.learner2.id }),
          );
        },
        verify: async (w) => expect(await w.db.classBlock.count()).toBe(1),
      },
      {
        label: "instructor2 unblocks learner2",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return unblockMemberCore(
            await w.as(w.users.instructor2),
            form({ classId, userId: w.users.learner2.id }),
          );
        },
        verify: async (w) => expect(await w.db.classBlock.count()).toBe(0),
      },
    ],
  },
  {
    target: "lib/server/actions/class.ts#rotateJoinCodeAction",
    who: "Instructors only, for classes they own: replace the join code (the old code and link stop working).",
    attempts: [
      {
        label: "instructor1 rotates instructor2's join code",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return rotateJoinCodeCore(await w.as(w.users.instructor1), form({ classId }));
        },
        mustNotReveal: () => ["Matrix class", "MATRIX22"],
        verify: async (w) => expect(await w.db.class.count({ where: { joinCode: "MATRIX22" } })).toBe(1),
      },
      {
        label: "learner2 rotates their class's join code",
        actor: "learner2",
        expect: "refused",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return rotateJoinCodeCore(await w.as(w.users.learner2), form({ classId }));
        },
        verify: async (w) => expect(await w.db.class.count({ where: { joinCode: "MATRIX22" } })).toBe(1),
      },
      {
        label: "instructor2 rotates their class's join code",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => {
          const { classId } = await seedMatrixQuiz(w);
          return rotateJoinCodeCore(await w.as(w.users.instructor2), form({ classId }));
        },
        verify: async (w) => expect(await w.db.class.count({ where: { joinCode: "MATRIX22" } })).toBe(0),
      },
    ],
  },
];
