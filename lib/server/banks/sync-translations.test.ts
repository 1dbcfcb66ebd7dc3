import { afterEach, describe, expect, it } from "vitest";
import { readQuestionTranslations } from "../data/json-columns";
import { createLearner } from "../testing/study-fixture";
import { STUDY_BANK_KO, syncTranslatedStudyBank } from "../testing/study-fixture-ko";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

// A translation is text beside the English question, not a new version of it: sync stores, edits and
// drops it without a new revision, so a learner's progress (which belongs to the id) stays.

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

async function rows(database: TestDatabase) {
  return database.prisma.question.findMany({
    orderBy: { position: "asc" },
    select: { id: true, revision: true, contentHash: true, data: true, translations: true },
  });
}

describe("syncing a bank's translations", () => {
  it("stores each question's Korean text beside the English one, outside the revision", async () => {
    db = createTestDatabase();
    const { report } = await syncTranslatedStudyBank(db.prisma, STUDY_BANK_KO, day(1));
    expect(report).toMatchObject({ questionsAdded: 3, translationsUpdated: 3, questionsUpdated: 0 });
    const stored = await rows(db);
    expect(stored.map((r) => [r.id, r.revision])).toEqual([
      ["fx-netmode", 1],
      ["fx-task-role", 1],
      ["fx-cloze", 1],
    ]);
    const netmode = readQuestionTranslations(stored[0]?.translations ?? "");
    expect(netmode.ko?.title).toBe("Fargate 태스크는 어떤 네트워크 모드를 사용해야 하나요?");
    expect(netmode.ko?.options.map((o) => o.key)).toEqual(["A", "B", "C"]);
    // The English data and its revision rows hold English only.
    for (const row of stored) expect(row.data).not.toMatch(/[가-힣]/);
    const revisions = await db.prisma.questionRevision.findMany({ select: { data: true } });
    for (const revision of revisions) expect(revision.data).not.toMatch(/[가-힣]/);
  });

  it("updates an edited translation and drops a removed one, keeping revisions and progress", async () => {
    db = createTestDatabase();
    await syncTranslatedStudyBank(db.prisma, STUDY_BANK_KO, day(1));
    const learner = await createLearner(db.prisma, "ko-learner");
    const card = await db.prisma.studyCard.create({
      data: {
        userId: learner.id,
        questionId: "fx-netmode",
        phase: "review",
        due: day(20),
        stability: 12.5,
        difficulty: 4.2,
        elapsedDays: 3,
        scheduledDays: 12,
        learningSteps: 0,
        reps: 4,
        lapses: 1,
        lastReview: day(1),
      },
    });
    const before = await rows(db);

    const edited = STUDY_BANK_KO.replace(
      "자체 ENI를 받습니다.",
      "자체 탄력적 네트워크 인터페이스(ENI)를 받습니다.",
    );
    const { report } = await syncTranslatedStudyBank(db.prisma, edited, day(2));
    expect(report).toMatchObject({
      banksSynced: 1,
      questionsUpdated: 0,
      translationsUpdated: 1,
      reportsResolved: 0,
    });
    const after = await rows(db);
    expect(after.map((r) => [r.id, r.revision, r.contentHash, r.data])).toEqual(
      before.map((r) => [r.id, r.revision, r.contentHash, r.data]),
    );
    expect(readQuestionTranslations(after[0]?.translations ?? "").ko?.explanation).toContain(
      "탄력적 네트워크",
    );
    expect(after[1]?.translations).toBe(before[1]?.translations);

    const { report: dropped } = await syncTranslatedStudyBank(db.prisma, null, day(3));
    expect(dropped).toMatchObject({ questionsUpdated: 0, translationsUpdated: 3 });
    expect((await rows(db)).map((r) => [r.revision, r.translations])).toEqual([
      [1, "{}"],
      [1, "{}"],
      [1, "{}"],
    ]);
    expect(await db.prisma.questionRevision.count()).toBe(3);
    const kept = await db.prisma.studyCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(kept).toMatchObject({
      phase: "review",
      reps: 4,
      lapses: 1,
      stability: 12.5,
      version: card.version,
    });
    expect(kept.due).toEqual(day(20));
  });

  it("writes nothing when neither the bank nor its translation changed", async () => {
    db = createTestDatabase();
    await syncTranslatedStudyBank(db.prisma, STUDY_BANK_KO, day(1));
    const { report } = await syncTranslatedStudyBank(db.prisma, STUDY_BANK_KO, day(2));
    expect(report).toMatchObject({ banksSynced: 0, banksUnchanged: 1, translationsUpdated: 0 });
  });
});
