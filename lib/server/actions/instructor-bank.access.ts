import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import {
  deleteBankCore,
  replaceBankCore,
  setBankVisibilityCore,
  uploadBankCore,
} from "./instructor-bank-core";

// Role-matrix row for the bank upload (instructor-bank.ts). Only instructors add banks, and a
// bank belongs to the instructor who uploaded it.

const BANK = `---
id: matrix-bank
title: Matrix bank
topic: matrix-topic
---

## A question {#mx-q}

kind: single · difficulty: 1

Which?

- [x] This
- [ ] That
`;

/** instructor2's private bank (uploaded once per world); returns its id. */
async function instructor2Bank(w: MatrixWorld) {
  const existing = await w.db.instructorBank.findFirst({ where: { ownerId: w.users.instructor2.id } });
  if (existing) return existing.bankId;
  const result = await uploadBankCore(await w.as(w.users.instructor2), form({ markdown: BANK }));
  if (!result.ok) throw new Error("instructor2 could not upload");
  return result.bankId;
}
const bankOf = (w: MatrixWorld) => w.db.bank.findFirst({ where: { upload: { isNot: null } } });
const newVersion = (bankId: string) =>
  form({ bankId, markdown: BANK.replace("Matrix bank", "Matrix bank v2") });

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/instructor-bank.ts#replaceBankAction",
    who: "Instructors only, for banks they own: upload a new version (nothing changes when it has an error).",
    attempts: [
      {
        label: "instructor1 replaces instructor2's bank",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          replaceBankCore(await w.as(w.users.instructor1), newVersion(await instructor2Bank(w))),
        mustNotReveal: () => ["Matrix bank", "mx-q"],
        verify: async (w) => expect((await bankOf(w))?.title).toBe("Matrix bank"),
      },
      {
        label: "learner2 replaces instructor2's bank",
        actor: "learner2",
        expect: "refused",
        run: async (w) => replaceBankCore(await w.as(w.users.learner2), newVersion(await instructor2Bank(w))),
        verify: async (w) => expect((await bankOf(w))?.title).toBe("Matrix bank"),
      },
      {
        label: "instructor2 replaces their own bank",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) =>
          replaceBankCore(await w.as(w.users.instructor2), newVersion(await instructor2Bank(w))),
        verify: async (w) => expect((await bankOf(w))?.title).toBe("Matrix bank v2"),
      },
    ],
  },
  {
    target: "lib/server/actions/instructor-bank.ts#setBankVisibilityAction",
    who: "Instructors only, for banks they own: publish it to everyone or make it private again.",
    attempts: [
      {
        label: "instructor1 publishes instructor2's bank",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          setBankVisibilityCore(
            await w.as(w.users.instructor1),
            form({ bankId: await instructor2Bank(w), visibility: "published" }),
          ),
        mustNotReveal: () => ["Matrix bank"],
        verify: async (w) => expect((await bankOf(w))?.visibility).toBe("private"),
      },
      {
        label: "learner2 publishes instructor2's bank",
        actor: "learner2",
        expect: "refused",
        run: async (w) =>
          setBankVisibilityCore(
            await w.as(w.users.learner2),
            form({ bankId: await instructor2Bank(w), visibility: "published" }),
          ),
        verify: async (w) => expect((await bankOf(w))?.visibility).toBe("private"),
      },
      {
        label: "instructor2 publishes their own bank",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) =>
          setBankVisibilityCore(
            await w.as(w.users.instructor2),
            form({ bankId: await instructor2Bank(w), visibility: "published" }),
          ),
        verify: async (w) => expect((await bankOf(w))?.visibility).toBe("published"),
      },
    ],
  },
  {
    target: "lib/server/actions/instructor-bank.ts#deleteBankAction",
    who: "Instructors only, for banks they own: delete it (refused while quizzes use its questions).",
    attempts: [
      {
        label: "instructor1 deletes instructor2's bank",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          deleteBankCore(
            await w.as(w.users.instructor1),
            form({ bankId: await instructor2Bank(w), confirm: "yes" }),
          ),
        mustNotReveal: () => ["Matrix bank"],
        verify: async (w) => expect(await bankOf(w)).not.toBeNull(),
      },
      {
        label: "learner2 deletes instructor2's bank",
        actor: "learner2",
        expect: "refused",
        run: async (w) =>
          deleteBankCore(
            await w.as(w.users.learner2),
            form({ bankId: await instructor2Bank(w), confirm: "yes" }),
          ),
        verify: async (w) => expect(await bankOf(w)).not.toBeNull(),
      },
      {
        label: "instructor2 deletes their own bank",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) =>
          deleteBankCore(
            await w.as(w.users.instructor2),
            form({ bankId: await instructor2Bank(w), confirm: "yes" }),
          ),
        verify: async (w) => expect(await bankOf(w)).toBeNull(),
      },
    ],
  },
  {
    target: "lib/server/actions/instructor-bank.ts#uploadBankAction",
    who: "Instructors only: upload or paste a bank of their own (saved only when it has no error).",
    attempts: [
      {
        label: "a visitor uploads a bank",
        actor: null,
        expect: "refused",
        run: async (w) => uploadBankCore(await w.as(null), form({ markdown: BANK })),
        verify: async (w) => expect(await w.db.bank.count()).toBe(0),
      },
      {
        label: "learner1 uploads a bank",
        actor: "learner1",
        expect: "refused",
        run: async (w) => uploadBankCore(await w.as(w.users.learner1), form({ markdown: BANK })),
        verify: async (w) => expect(await w.db.bank.count()).toBe(0),
      },
      {
        label: "instructor1 uploads a bank, which becomes theirs",
        actor: "instructor1",
        expect: "allowed",
        run: async (w) => uploadBankCore(await w.as(w.users.instructor1), form({ markdown: BANK })),
        verify: async (w) =>
          expect(await w.db.instructorBank.count({ where: { ownerId: w.users.instructor1.id } })).toBe(1),
      },
    ],
  },
];
