import { parseBank, questionContentHash } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { syncBanks } from "../banks/sync-banks";

/** A small bank with every studied kind: a single-choice question, a reversible flashcard and a two-gap cloze. */
export const STUDY_BANK = `---
id: study-fixture
title: Study fixture
topic: launch-types
---

## Which network mode must a Fargate task use? {#fx-netmode}

kind: single · difficulty: 2 · tags: fargate · exams: SAA-C03

A team moves an API to Fargate. Which network mode must its task definition use?

- [ ] bridge
  - why: Fargate supports only awsvpc.
  - misconception: bridge-on-fargate
- [x] awsvpc
- [ ] host
  - why: Fargate does not expose the host's network.
  - misconception: host-on-fargate

### Explanation

Fargate tasks always use awsvpc: each task gets its own ENI.

### References

- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html

## Task role {#fx-task-role}

kind: flashcard · difficulty: 1 · tags: iam · exams: DVA-C02

Which role do your containers' AWS SDK calls use?

### Back

The task role (taskRoleArn).

## EFS on Fargate {#fx-cloze}

kind: cloze · difficulty: 2 · tags: storage · exams: SAA-C03

EFS on Fargate needs platform version {{c1::1.4.0}} and speaks NFS on port {{c2::2049}}.
`;

/** Loads STUDY_BANK into a test database, as `npm start` would. */
export async function loadStudyBank(db: PrismaClient, now = new Date("2026-01-01T00:00:00Z")) {
  const { bank, findings } = parseBank(STUDY_BANK, { file: "content/study-fixture.md" });
  if (!bank) throw new Error(`The study fixture does not parse: ${JSON.stringify(findings)}`);
  await syncBanks(
    db,
    {
      banks: [
        {
          bank,
          sourceHash: "fixture",
          contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
        },
      ],
      skipped: [],
      presentFiles: [bank.file],
    },
    now,
  );
  return bank;
}

/** A learner row for data-layer tests (accounts are created through better-auth elsewhere). */
export async function createLearner(db: PrismaClient, id: string) {
  await db.user.create({ data: { id, name: `Learner ${id}`, email: `${id}@example.test` } });
  return { id, name: `Learner ${id}`, email: `${id}@example.test`, roles: ["learner" as const] };
}
