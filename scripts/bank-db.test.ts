import { afterEach, describe, expect, it } from "vitest";
import { checkBanks, staleList } from "@/lib/bank";
import { syncBanks } from "@/lib/server/banks/sync-banks";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { formatReports } from "./bank";
import { listReports, openExistingDatabase, questionUsage } from "./bank-db";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const BANK = `---
id: t-bank
title: T
topic: launch-types
verified: 2026-06-01
---

## One {#q-one}

kind: true-false

Fargate exists.

- [x] True
- [ ] False

## Two {#q-two}

kind: true-false · verified: 2026-11-30

EC2 exists.

- [x] True
- [ ] False
`;

async function seeded(): Promise<TestDatabase> {
  const t = createTestDatabase();
  const { banks } = checkBanks([{ file: "content/t.md", text: BANK }]);
  const bank = banks[0];
  if (!bank) throw new Error("test bank did not load");
  await syncBanks(
    t.prisma,
    {
      banks: [{ bank, sourceHash: "h", contentHashes: new Map() }],
      skipped: [],
      presentFiles: ["content/t.md"],
    },
    new Date("2026-12-01T00:00:00Z"),
  );
  await t.prisma.user.create({ data: { id: "u1", name: "L", email: "l@example.com" } });
  // A question that has left the bank (retired) but still has a report.
  await t.prisma.question.create({
    data: {
      id: "gone",
      bankId: "t-bank",
      kind: "single",
      title: "Gone",
      topic: "launch-types",
      difficulty: 2,
      position: 99,
      data: "{}",
      contentHash: "x",
      retiredAt: new Date(),
    },
  });
  const card = await t.prisma.studyCard.create({
    data: {
      userId: "u1",
      questionId: "q-two",
      phase: "review",
      due: new Date(),
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
    },
  });
  const review = (id: string, kind = "grade") => ({
    id,
    userId: "u1",
    cardId: card.id,
    questionId: "q-two",
    revision: 1,
    kind,
    stateBefore: "{}",
    stateAfter: "{}",
    clientTime: new Date(),
    serverTime: new Date(),
  });
  await t.prisma.review.createMany({ data: [review("r1"), review("r2"), review("r3", "undo")] });
  await t.prisma.questionReport.createMany({
    data: [
      {
        userId: "u1",
        questionId: "q-one",
        reason: "outdated",
        message: "1.3.0 is\nretired",
        createdAt: new Date("2026-12-02T00:00:00Z"),
      },
      {
        userId: "u1",
        questionId: "q-one",
        reason: "typo",
        message: "fixed",
        resolvedAt: new Date("2026-12-03T00:00:00Z"),
      },
      { userId: "u1", questionId: "gone", reason: "other", message: "left the bank?" },
    ],
  });
  return t;
}

describe("bank stale / reports read the database", () => {
  it("counts graded reviews (not undos) and open reports per question", async () => {
    db = await seeded();
    const usage = await questionUsage(db.prisma);
    expect(usage.get("q-two")).toEqual({ studied: 2, reported: 0 });
    expect(usage.get("q-one")).toEqual({ studied: 0, reported: 1 });
  });

  it("ranks the shipped file's questions with those counts: oldest first", async () => {
    db = await seeded();
    const { banks } = checkBanks([{ file: "content/t.md", text: BANK }]);
    const list = staleList(banks, "2026-12-06", await questionUsage(db.prisma));
    expect(list.map((e) => [e.id, e.ageDays, e.studied, e.reported])).toEqual([
      ["q-one", 188, 0, 1],
      ["q-two", 6, 2, 0],
    ]);
  });

  it("lists open reports by question with file:line; --all adds the resolved ones", async () => {
    db = await seeded();
    const where = new Map([["q-one", { file: "content/t.md", line: 8, title: "One" }]]);
    const open = formatReports(await listReports(db.prisma), where);
    expect(open).toEqual([
      "content/t.md:8  q-one  One  (1 report)",
      expect.stringMatching(/^ {2}#1 2026-12-02 outdated: 1\.3\.0 is retired$/),
      "(not in these banks)  gone  (1 report)",
      expect.stringMatching(/^ {2}#3 \d{4}-\d{2}-\d{2} other: left the bank\?$/),
    ]);
    const all = await listReports(db.prisma, { all: true });
    expect(all.map((r) => r.id).sort()).toEqual([1, 2, 3]);
  });

  it("opens an existing database and never creates one", async () => {
    db = await seeded();
    const client = openExistingDatabase(db.url);
    expect(client).not.toBeNull();
    expect(await client?.questionReport.count()).toBe(3);
    await client?.$disconnect();
    expect(openExistingDatabase(`file:${db.file}.missing`)).toBeNull();
  });
});
