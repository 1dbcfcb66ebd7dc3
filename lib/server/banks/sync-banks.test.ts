import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { type SyncableBank, type SyncableQuestion, type SyncInput, syncBanks } from "./sync-banks";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

function question(id: string, stem = `Stem of ${id}`): SyncableQuestion & { stem: string } {
  return { id, kind: "single", title: id, difficulty: 2, tags: ["fargate"], exams: ["SAA-C03"], stem };
}

function bank(id: string, file: string, questions: SyncableQuestion[]): SyncableBank {
  return {
    file,
    meta: { id, title: id, topic: "launch-types", domains: [], language: "en", version: 1, authors: ["A"] },
    questions,
  };
}

/** Builds sync input the way the content reader does: hashes derived from the question text. */
function input(banks: SyncableBank[], extra: Partial<SyncInput> = {}): SyncInput {
  return {
    banks: banks.map((b) => ({
      bank: b,
      sourceHash: JSON.stringify(b),
      contentHashes: new Map(b.questions.map((q) => [q.id, JSON.stringify(q)])),
    })),
    skipped: [],
    presentFiles: banks.map((b) => b.file),
    ...extra,
  };
}

describe("syncBanks", () => {
  it("adds every question of a new bank at revision 1", async () => {
    db = createTestDatabase();
    const report = await syncBanks(
      db.prisma,
      input([bank("b", "content/b.md", [question("q1"), question("q2")])]),
      day(1),
    );
    expect(report).toMatchObject({
      banksSynced: 1,
      questionsAdded: 2,
      questionsUpdated: 0,
      questionsRetired: 0,
    });
    const rows = await db.prisma.question.findMany({ orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.id, r.revision, r.position])).toEqual([
      ["q1", 1, 0],
      ["q2", 1, 1],
    ]);
    expect(await db.prisma.questionRevision.count()).toBe(2);
  });

  it("writes nothing for an unchanged bank", async () => {
    db = createTestDatabase();
    const same = input([bank("b", "content/b.md", [question("q1")])]);
    await syncBanks(db.prisma, same, day(1));
    const before = await db.prisma.question.findUniqueOrThrow({ where: { id: "q1" } });
    const report = await syncBanks(db.prisma, same, day(2));
    expect(report).toMatchObject({
      banksSynced: 0,
      banksUnchanged: 1,
      questionsAdded: 0,
      questionsUpdated: 0,
    });
    const after = await db.prisma.question.findUniqueOrThrow({ where: { id: "q1" } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("keeps an edited question's id, bumps its revision and records the old text", async () => {
    db = createTestDatabase();
    await syncBanks(db.prisma, input([bank("b", "content/b.md", [question("q1"), question("q2")])]), day(1));
    const edited = input([bank("b", "content/b.md", [question("q1", "A clearer stem"), question("q2")])]);
    const report = await syncBanks(db.prisma, edited, day(2));
    expect(report).toMatchObject({ questionsAdded: 0, questionsUpdated: 1 });
    const row = await db.prisma.question.findUniqueOrThrow({ where: { id: "q1" } });
    expect(row.revision).toBe(2);
    expect(JSON.parse(row.data).stem).toBe("A clearer stem");
    const revisions = await db.prisma.questionRevision.findMany({
      where: { questionId: "q1" },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => JSON.parse(r.data).stem)).toEqual(["Stem of q1", "A clearer stem"]);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: "q2" } })).revision).toBe(1);
  });

  it("retires a removed question, keeping its row, and brings it back when it returns", async () => {
    db = createTestDatabase();
    await syncBanks(db.prisma, input([bank("b", "content/b.md", [question("q1"), question("q2")])]), day(1));
    const report = await syncBanks(db.prisma, input([bank("b", "content/b.md", [question("q1")])]), day(2));
    expect(report.questionsRetired).toBe(1);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: "q2" } })).retiredAt).toEqual(day(2));
    await syncBanks(db.prisma, input([bank("b", "content/b.md", [question("q1"), question("q2")])]), day(3));
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: "q2" } })).retiredAt).toBeNull();
  });

  it("skips a bank with errors whole while the others sync, and records why", async () => {
    db = createTestDatabase();
    await syncBanks(
      db.prisma,
      input([bank("a", "content/a.md", [question("a1")]), bank("b", "content/b.md", [question("b1")])]),
      day(1),
    );
    const broken = input([bank("b", "content/b.md", [question("b1"), question("b2")])], {
      skipped: [{ file: "content/a.md", findings: [{ line: 12, column: 3, message: "missing answer" }] }],
      presentFiles: ["content/a.md", "content/b.md"],
    });
    const report = await syncBanks(db.prisma, broken, day(2));
    expect(report).toMatchObject({ banksSynced: 1, banksSkipped: 1, questionsAdded: 1, questionsRetired: 0 });
    // The broken bank's questions stay live: an author's typo must not pull cards from learners.
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: "a1" } })).retiredAt).toBeNull();
    const run = await db.prisma.syncRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(JSON.parse(run.findings)).toEqual([
      { file: "content/a.md", findings: [{ line: 12, column: 3, message: "missing answer" }] },
    ]);
  });

  it("retires the questions of a bank whose file was deleted, but not instructors' uploaded banks", async () => {
    db = createTestDatabase();
    await syncBanks(
      db.prisma,
      input([bank("a", "content/a.md", [question("a1")]), bank("b", "content/b.md", [question("b1")])]),
      day(1),
    );
    await db.prisma.bank.create({
      data: {
        id: "upload",
        title: "Mine",
        topic: "t",
        file: "upload:42",
        sourceHash: "x",
        lastSyncedAt: day(1),
      },
    });
    await db.prisma.question.create({
      data: {
        id: "u1",
        bankId: "upload",
        kind: "single",
        title: "u",
        topic: "t",
        difficulty: 1,
        position: 0,
        data: "{}",
        contentHash: "h",
      },
    });
    const report = await syncBanks(db.prisma, input([bank("b", "content/b.md", [question("b1")])]), day(2));
    expect(report.questionsRetired).toBe(1);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: "a1" } })).retiredAt).toEqual(day(2));
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: "u1" } })).retiredAt).toBeNull();
  });

  it("says where a shipped bank or question was left out because an instructor's upload owns its id", async () => {
    db = createTestDatabase();
    await db.prisma.bank.create({
      data: {
        id: "mine",
        title: "Mine",
        topic: "t",
        file: "upload:42",
        sourceHash: "x",
        lastSyncedAt: day(1),
        visibility: "private",
        questions: {
          create: {
            id: "u1",
            kind: "single",
            title: "Uploaded",
            topic: "t",
            difficulty: 1,
            position: 0,
            data: "{}",
            contentHash: "h",
          },
        },
      },
    });
    const report = await syncBanks(
      db.prisma,
      input([
        bank("a", "content/a.md", [
          { ...question("a1"), line: 7 },
          { ...question("u1"), line: 19 },
        ]),
        bank("mine", "content/mine.md", [question("m1")]),
      ]),
      day(2),
    );
    expect(report.conflicts).toEqual([
      {
        file: "content/a.md",
        line: 19,
        column: 1,
        message: expect.stringContaining(
          `The question id "u1" belongs to a question in an instructor's uploaded bank`,
        ),
      },
      {
        file: "content/mine.md",
        line: 1,
        column: 1,
        message: expect.stringContaining(`The bank id "mine" belongs to an instructor's uploaded bank`),
      },
    ]);
    // Both were left alone: the upload keeps its question, the shipped ones did not land.
    expect(await db.prisma.question.findUniqueOrThrow({ where: { id: "u1" } })).toMatchObject({
      bankId: "mine",
      title: "Uploaded",
    });
    expect(await db.prisma.question.findUnique({ where: { id: "m1" } })).toBeNull();
    expect(report).toMatchObject({ banksSynced: 1, banksSkipped: 1, questionsAdded: 1 });
    // The sync log keeps them beside the skipped banks' findings.
    const run = await db.prisma.syncRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(JSON.parse(run.findings)).toEqual([
      { file: "content/a.md", findings: [expect.objectContaining({ line: 19 })] },
      { file: "content/mine.md", findings: [expect.objectContaining({ line: 1 })] },
    ]);
  });

  it("moves a question to another bank file without losing its id or revision", async () => {
    db = createTestDatabase();
    await syncBanks(db.prisma, input([bank("a", "content/a.md", [question("q1"), question("q2")])]), day(1));
    const moved = input([
      bank("a", "content/a.md", [question("q1")]),
      bank("c", "content/c.md", [question("q2")]),
    ]);
    const report = await syncBanks(db.prisma, moved, day(2));
    expect(report.questionsRetired).toBe(0);
    const row = await db.prisma.question.findUniqueOrThrow({ where: { id: "q2" } });
    expect(row).toMatchObject({ bankId: "c", revision: 1, retiredAt: null });
  });

  it("resolves a question's open reports when its revision goes up, and only then", async () => {
    db = createTestDatabase();
    const prisma = db.prisma;
    await syncBanks(prisma, input([bank("b", "content/b.md", [question("q1"), question("q2")])]), day(1));
    await prisma.user.create({ data: { id: "u1", name: "Learner", email: "u1@example.com" } });
    const earlier = day(2);
    await prisma.questionReport.createMany({
      data: [
        { userId: "u1", questionId: "q1", reason: "outdated", message: "1.3.0 is retired" },
        { userId: "u1", questionId: "q1", reason: "typo", message: "old", resolvedAt: earlier },
        { userId: "u1", questionId: "q2", reason: "unclear", message: "which VPC?" },
      ],
    });
    // Same text, new position only: no new revision, the reports stay open.
    const moved = await syncBanks(
      prisma,
      input([bank("b", "content/b.md", [question("q2"), question("q1")])]),
      day(3),
    );
    expect(moved.reportsResolved).toBe(0);
    expect(await prisma.questionReport.count({ where: { resolvedAt: null } })).toBe(2);
    const edited = await syncBanks(
      prisma,
      input([bank("b", "content/b.md", [question("q2"), question("q1", "Fixed for 2026")])]),
      day(4),
    );
    expect(edited).toMatchObject({ questionsUpdated: 1, reportsResolved: 1 });
    const rows = await prisma.questionReport.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.questionId, r.resolvedAt?.toISOString() ?? null])).toEqual([
      ["q1", day(4).toISOString()],
      ["q1", earlier.toISOString()],
      ["q2", null],
    ]);
  });
});
