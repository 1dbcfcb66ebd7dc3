import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, gradeCard, newCardState } from "@/lib/srs";
import { replayAnkiReviews } from "../banks/anki-history";
import { readAnkiPackage } from "../banks/anki-package";
import { createPerson } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createDeck } from "./decks";
import { deckExportResponse } from "./decks-export";
import { importIntoDeck } from "./decks-import";
import { loadStudyQueue } from "./study-queue";

// Issue 17 item 3: an Anki package's review history kept as the learner's own. The package is
// built here (collection.anki2, schema 11, as Anki's rslib/src/storage defines it) with a revlog.

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

const day = (m: number, d: number) => Date.UTC(2026, m - 1, d, 9);
const TYPES = {
  100: { name: "Basic", type: 0, flds: ["Front", "Back"], tmpls: [["{{Front}}", "{{Back}}"]] },
  200: {
    name: "Basic (and reversed card)",
    type: 0,
    flds: ["Front", "Back"],
    tmpls: [
      ["{{Front}}", "{{Back}}"],
      ["{{Back}}", "{{Front}}"],
    ],
  },
  300: { name: "Cloze", type: 1, flds: ["Text", "Extra"], tmpls: [["{{cloze:Text}}", "{{cloze:Text}}"]] },
  400: {
    name: "Image Occlusion",
    type: 1,
    flds: ["Occlusion", "Image"],
    tmpls: [["{{#Image}}x{{/Image}}", "y"]],
  },
};
const NOTES = [
  { id: 1, mid: 100, flds: ["Fargate network mode", "awsvpc"] },
  { id: 2, mid: 200, flds: ["Task role", "The role your code uses"] },
  { id: 3, mid: 300, flds: ["EFS needs port {{c1::2049}} and {{c2::NFS}}", ""] },
  { id: 4, mid: 400, flds: ["occluded.png", ""] },
  { id: 5, mid: 100, flds: ["Never reviewed", "still new"] },
];
const CARDS = [
  { id: 11, nid: 1, ord: 0 },
  { id: 21, nid: 2, ord: 0 },
  { id: 22, nid: 2, ord: 1 },
  { id: 31, nid: 3, ord: 0 },
  { id: 32, nid: 3, ord: 1 },
  { id: 41, nid: 4, ord: 0 },
  { id: 51, nid: 5, ord: 0 },
];
/** [revlog id (ms), card, ease, type]: ease 0 / type 4 is a manual reschedule, not a review. */
const REVLOG: Array<[number, number, number, number]> = [
  [day(1, 5), 11, 3, 0],
  [day(1, 6), 11, 3, 1],
  [day(1, 20), 11, 4, 1],
  [day(3, 1), 11, 3, 1],
  [day(1, 7), 22, 1, 0],
  [day(1, 8), 22, 2, 0],
  [day(2, 2), 32, 3, 0],
  [day(2, 3), 32, 0, 4],
  [day(2, 4), 41, 3, 0],
];

function ankiPackage(): Uint8Array {
  const sql = new Database(":memory:");
  sql.exec(`
    CREATE TABLE col (id integer PRIMARY KEY, crt integer, mod integer, scm integer, ver integer, dty integer,
      usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
    CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, mod integer, usn integer, tags text,
      flds text, sfld integer, csum integer, flags integer, data text);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer, did integer, ord integer, mod integer, usn integer,
      type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer,
      left integer, odue integer, odid integer, flags integer, data text);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer, usn integer, ease integer, ivl integer,
      lastIvl integer, factor integer, time integer, type integer);`);
  const models = Object.fromEntries(
    Object.entries(TYPES).map(([id, t]) => [
      id,
      {
        id: Number(id),
        name: t.name,
        type: t.type,
        flds: t.flds.map((name, ord) => ({ name, ord })),
        tmpls: t.tmpls.map(([qfmt, afmt], ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt })),
      },
    ]),
  );
  sql
    .prepare("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')")
    .run(JSON.stringify(models), JSON.stringify({ 1: { id: 1, name: "ECS" } }));
  for (const n of NOTES)
    sql
      .prepare("INSERT INTO notes VALUES (?, ?, ?, 0, 0, '', ?, ?, 0, 0, '')")
      .run(n.id, `g${n.id}`, n.mid, n.flds.join("\x1f"), n.flds[0]);
  for (const c of CARDS)
    sql
      .prepare("INSERT INTO cards VALUES (?, ?, 1, ?, 0, 0, 2, 2, 0, 10, 2500, 1, 0, 0, 0, 0, 0, '')")
      .run(c.id, c.nid, c.ord);
  for (const [id, cid, ease, type] of REVLOG)
    sql.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 6000, ?)").run(id, cid, ease, type);
  const bytes = new Uint8Array(sql.serialize());
  sql.close();
  return zipSync({ "collection.anki2": bytes, media: new TextEncoder().encode("{}") });
}

const input = () => ({
  bytes: ankiPackage(),
  fileName: "ecs.apkg",
  format: "apkg" as const,
});

describe("Anki review history", () => {
  it("replays Anki's eases as Again/Hard/Good/Easy through FSRS, grade by grade", () => {
    const reviews = REVLOG.filter(([, cid]) => cid === 11).map(([id, cardId, ease, type]) => ({
      id,
      cardId,
      ease,
      type,
      interval: 1,
      lastInterval: 0,
      factor: 2500,
      timeMs: 6000,
    }));
    const kept = replayAnkiReviews(reviews, DEFAULT_SETTINGS);
    expect(kept.map((r) => r.grade)).toEqual(["good", "good", "easy", "good"]);
    expect(kept.map((r) => r.at.getTime())).toEqual(reviews.map((r) => r.id));
    // The same as grading the card by hand at each review's time.
    let state = newCardState(new Date(day(1, 5)));
    for (const r of kept) {
      expect(r.before).toEqual(state);
      state = gradeCard(state, r.grade, DEFAULT_SETTINGS, r.at).after;
      expect(r.after).toEqual(state);
    }
    expect(state.phase).toBe("review");
    expect(state.reps).toBe(4);
  });

  it("becomes the learner's review rows and schedule for the new cards, once, on request", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "ECS", description: "" }, now);
    const first = await importIntoDeck(db.prisma, owner, deckId, input(), { keepHistory: true });
    expect(first).toMatchObject({ ok: true, added: 4, history: { cards: 3, reviews: 7 } });
    if (!first?.ok) throw new Error("not imported");
    expect(first.notes).toContain(
      "Your Anki review history was kept: 7 reviews of 3 cards, which come up when their schedule says.",
    );

    const reviews = await db.prisma.review.findMany({
      where: { userId: owner.id },
      include: { card: true },
      orderBy: { serverTime: "asc" },
    });
    // The skipped Image Occlusion note's review and the manual reschedule are not kept.
    expect(reviews.map((r) => [r.card.side, r.grade, r.serverTime.getTime()])).toEqual([
      ["", "good", day(1, 5)],
      ["", "good", day(1, 6)],
      ["reverse", "again", day(1, 7)],
      ["reverse", "hard", day(1, 8)],
      ["", "easy", day(1, 20)],
      ["c2", "good", day(2, 2)],
      ["", "good", day(3, 1)],
    ]);
    expect(reviews.every((r) => r.kind === "grade" && r.durationMs === 6000 && r.revision === 1)).toBe(true);
    expect(reviews.filter((r) => r.wasNew).length).toBe(3);

    // The reviewed Basic card is in review, due when FSRS says (after now): not offered as new today.
    const cards = await db.prisma.studyCard.findMany({ where: { userId: owner.id } });
    const basic = cards.find((c) => c.side === "" && c.questionId.startsWith(`${deckId}.fargate`));
    expect(basic).toMatchObject({ phase: "review", reps: 4, lapses: 0 });
    expect(basic?.due.getTime()).toBeGreaterThan(now.getTime());
    const queue = await loadStudyQueue(db.prisma, owner, { topics: [], tags: [], banks: [deckId] }, now, {
      limit: 100,
    });
    const offered = queue.items.map((i) => `${i.ref.questionId}:${i.ref.side}`);
    expect(offered).not.toContain(`${basic?.questionId}:`);
    expect(offered.some((ref) => ref.startsWith(`${deckId}.never-reviewed`))).toBe(true);

    // Importing the package again adds no card, so no history: the log is not doubled.
    const again = await importIntoDeck(db.prisma, owner, deckId, input(), { keepHistory: true });
    expect(again).toMatchObject({ ok: true, added: 0, unchanged: 4, history: null });
    expect(await db.prisma.review.count({ where: { userId: owner.id } })).toBe(7);
  });

  it("is not kept when the learner unticks it", async () => {
    const owner = await createPerson(db.prisma, "l2");
    const { deckId } = await createDeck(db.prisma, owner, { title: "ECS", description: "" }, now);
    const outcome = await importIntoDeck(db.prisma, owner, deckId, input(), { keepHistory: false });
    expect(outcome).toMatchObject({ ok: true, added: 4, history: null });
    expect(await db.prisma.review.count()).toBe(0);
    expect(await db.prisma.studyCard.count()).toBe(0);
  });

  it("travels in the deck's .apkg download and comes back as the same reviews and schedule", async () => {
    const owner = await createPerson(db.prisma, "l3");
    const first = await createDeck(db.prisma, owner, { title: "ECS", description: "" }, now);
    await importIntoDeck(db.prisma, owner, first.deckId, input(), { keepHistory: true });
    const response = await deckExportResponse(db.prisma, owner, first.deckId, "apkg");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(readAnkiPackage(bytes).collection.reviews).toHaveLength(7);
    const copy = await createDeck(db.prisma, owner, { title: "ECS copy", description: "" }, now);
    const imported = await importIntoDeck(
      db.prisma,
      owner,
      copy.deckId,
      { bytes, fileName: "ecs.apkg", format: "apkg" },
      { keepHistory: true },
    );
    expect(imported).toMatchObject({ ok: true, added: 4, history: { cards: 3, reviews: 7 } });
    const states = async (deckId: string) =>
      (
        await db.prisma.studyCard.findMany({
          where: { userId: owner.id, question: { bankId: deckId } },
          select: { questionId: true, side: true, phase: true, due: true, reps: true, lapses: true },
        })
      )
        .map((c) => ({ ...c, questionId: c.questionId.slice(deckId.length) }))
        .sort((a, b) => `${a.questionId}${a.side}`.localeCompare(`${b.questionId}${b.side}`));
    expect(await states(copy.deckId)).toEqual(await states(first.deckId));
  });
});
