import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPerson } from "../testing/attempts-fixture";
import { type TestDatabase, testDialects } from "../testing/test-database";
import { storeOf } from ".";

// A deck page's progress is counted by the database (Store.deckProgress): what each count means
// is checked here against rows written directly, on each database, so that a change to either
// dialect's statement that counts a side twice, a suspended or retired card, a card of another
// learner or deck, or misreads a date, fails here.

const NOW = new Date("2026-12-07T09:00:00.000Z");
const DAY = 86_400_000;
const MATURE_DAYS = 21;

async function deck(
  db: PrismaClient,
  id: string,
  ownerId: string,
  questions: string[],
  retired: string[] = [],
) {
  await db.bank.create({
    data: {
      id,
      title: `Deck ${id}`,
      topic: "my-decks",
      file: `deck:${id}`,
      sourceHash: id,
      lastSyncedAt: NOW,
      visibility: "personal",
      ownerId,
    },
  });
  for (const [position, q] of questions.entries())
    await db.question.create({
      data: {
        id: `${id}.${q}`,
        bankId: id,
        kind: "flashcard",
        title: q,
        topic: "my-decks",
        difficulty: 1,
        position,
        data: "{}",
        contentHash: q,
        retiredAt: retired.includes(q) ? NOW : null,
      },
    });
}

type CardRow = { side?: string; phase?: string; due: Date; scheduledDays?: number; suspended?: boolean };
async function card(db: PrismaClient, userId: string, questionId: string, row: CardRow) {
  await db.studyCard.create({
    data: {
      userId,
      questionId,
      side: row.side ?? "",
      phase: row.phase ?? "review",
      due: row.due,
      stability: 3,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: row.scheduledDays ?? 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      lastReview: new Date(NOW.getTime() - DAY),
      suspendedAt: row.suspended ? NOW : null,
    },
  });
}

describe.each(testDialects())("a deck's progress counted by the store on $dialect", ({ create }) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.cleanup();
    database = undefined;
  });

  it("counts studied questions, due sides and mature questions, each deck apart", async () => {
    database = await create();
    const db = database.prisma;
    const me = await createPerson(db, "owner");
    const other = await createPerson(db, "other");
    await deck(db, "da", me.id, ["a1", "a2", "a3", "a4", "a5", "a6"], ["a6"]);
    await deck(db, "db", me.id, ["b1"]);
    await deck(db, "dc", me.id, ["c1"]);
    // a1: both sides studied, both due (one exactly now): one studied question, two due sides.
    await card(db, me.id, "da.a1", { due: new Date(NOW.getTime() - DAY) });
    await card(db, me.id, "da.a1", { side: "reverse", due: NOW });
    // a2: one side mature and not due, the other young and due: mature once, due once.
    await card(db, me.id, "da.a2", { due: new Date(NOW.getTime() + 30 * DAY), scheduledDays: MATURE_DAYS });
    await card(db, me.id, "da.a2", { side: "reverse", due: new Date(NOW.getTime() - DAY), scheduledDays: 2 });
    // a3: due but suspended: studied, not due.
    await card(db, me.id, "da.a3", { due: new Date(NOW.getTime() - DAY), suspended: true });
    // a4: a card still new (never graded): not studied.
    await card(db, me.id, "da.a4", { phase: "new", due: new Date(NOW.getTime() - DAY) });
    // a5: due a millisecond after now: studied, not due.
    await card(db, me.id, "da.a5", { due: new Date(NOW.getTime() + 1) });
    // a6: retired: not counted at all.
    await card(db, me.id, "da.a6", { due: new Date(NOW.getTime() - DAY), scheduledDays: 40 });
    // Another learner's cards in the same deck count for nobody here.
    await card(db, other.id, "da.a1", { due: new Date(NOW.getTime() - DAY), scheduledDays: 40 });
    // Deck b: one mature, due question.
    await card(db, me.id, "db.b1", { due: new Date(NOW.getTime() - DAY), scheduledDays: 60 });

    const counted = await storeOf(db).deckProgress(me.id, ["da", "db", "dc"], NOW, MATURE_DAYS);
    expect(counted.sort((x, y) => x.deckId.localeCompare(y.deckId))).toEqual([
      { deckId: "da", studied: 4, dueNow: 3, mature: 1 },
      { deckId: "db", studied: 1, dueNow: 1, mature: 1 },
    ]);
    // Only the decks asked for; none asked, none read.
    expect(await storeOf(db).deckProgress(me.id, ["db"], NOW, MATURE_DAYS)).toEqual([
      { deckId: "db", studied: 1, dueNow: 1, mature: 1 },
    ]);
    expect(await storeOf(db).deckProgress(me.id, [], NOW, MATURE_DAYS)).toEqual([]);
    // The other learner's progress in the owner's deck is theirs alone.
    expect(await storeOf(db).deckProgress(other.id, ["da"], NOW, MATURE_DAYS)).toEqual([
      { deckId: "da", studied: 1, dueNow: 1, mature: 1 },
    ]);

    // Which of a page's questions the learner has studied: past "new", theirs only.
    const studied = await storeOf(db).studiedQuestionIds(me.id, [
      "da.a1",
      "da.a3",
      "da.a4",
      "db.b1",
      "dc.c1",
    ]);
    expect(studied.sort()).toEqual(["da.a1", "da.a3", "db.b1"]);
    expect(await storeOf(db).studiedQuestionIds(other.id, ["da.a1", "da.a3"])).toEqual(["da.a1"]);
    expect(await storeOf(db).studiedQuestionIds(me.id, [])).toEqual([]);
  });
});
