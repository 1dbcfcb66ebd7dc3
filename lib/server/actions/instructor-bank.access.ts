import { expect } from "vitest";
import type { AccessRow } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { uploadBankCore } from "./instructor-bank-core";

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

export const accessRows: AccessRow[] = [
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
