import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportMarkdown } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "../auth/acting-user";
import { createPerson, loadQuizBank, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt } from "./attempts";
import {
  createDeck,
  deckChoices,
  deleteDeck,
  deleteDeckCard,
  getDeck,
  getDeckCard,
  listDecks,
  saveDeckCard,
} from "./decks";
import { deckAsBank } from "./decks-export";
import { importIntoDeck } from "./decks-import";
import { classHeatmap, learnerDrillDown } from "./insight";
import { cardTotalsByTopic } from "./progress";
import { builderChoices, createExam, questionPool } from "./quizzes";
import { studyCatalog } from "./study-catalog";
import { buryUntilTomorrow, recordGrade, reportQuestion, setSuspended } from "./study-grading";
import { loadStudyQueue } from "./study-queue";
import { listTopics } from "./topics";
import { exportOwnData } from "./user-export";
import { deleteOwnAccount } from "./users";

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
});
afterEach(async () => {
  await db.cleanup();
});

const FLASHCARD = { kind: "flashcard", text: "Secret deck front", back: "Secret deck back" };
const SINGLE = {
  kind: "single",
  text: "Which port does the secret service use?",
  option0: "80",
  option1: "8443",
  correct1: "yes",
};

/** A learner's deck with a flashcard and a single-choice question; returns its ids. */
async function deckOf(owner: ActingUser, title = "Secret deck") {
  const { deckId } = await createDeck(db.prisma, owner, { title, description: "mine" }, now);
  const card = await saveDeckCard(db.prisma, owner, deckId, null, FLASHCARD);
  const question = await saveDeckCard(db.prisma, owner, deckId, null, SINGLE);
  if (!card?.ok || !question?.ok) throw new Error("could not fill the deck");
  return {
    deckId,
    cardId: `${deckId}.${card.localId}`,
    cardLocal: card.localId,
    questionId: `${deckId}.${question.localId}`,
    questionLocal: question.localId,
  };
}

const cram = async (who: ActingUser, banks: string[] = []) =>
  (await loadStudyQueue(db.prisma, who, { topics: [], tags: [], banks }, now, { mode: "cram" })).items.map(
    (i) => i.ref.questionId,
  );
const grading = (questionId: string, extra: object = { grade: "good" }) => ({
  reviewId: randomUUID(),
  ref: { questionId, side: "" },
  durationMs: 2000,
  clientTime: now.toISOString(),
  ...extra,
});

describe("a learner's deck", () => {
  it("is made in the form, listed with its progress, studied with the scheduler, and theirs alone to study", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const other = await createPerson(db.prisma, "l2");
    const { deckId, cardId, questionId } = await deckOf(owner);

    const deck = await getDeck(db.prisma, owner, deckId, now);
    expect(deck?.cards.map((c) => [c.kind, c.label])).toEqual([
      ["flashcard", "Secret deck front"],
      ["single", "Which port does the secret service use?"],
    ]);
    expect(await cram(owner)).toEqual(expect.arrayContaining([cardId, questionId]));
    // Studying one deck: only its cards.
    expect(new Set(await cram(owner, [deckId]))).toEqual(new Set([cardId, questionId]));
    // The daily queue offers the deck's new cards with the banks'.
    const daily = await loadStudyQueue(db.prisma, owner, { topics: [], tags: [], banks: [] }, now, {
      limit: 200,
    });
    expect(daily.items.map((i) => i.ref.questionId)).toContain(cardId);

    await recordGrade(db.prisma, owner, grading(cardId), now);
    await recordGrade(
      db.prisma,
      owner,
      grading(questionId, { answer: { kind: "choice", keys: ["B"] } }),
      now,
    );
    expect(await db.prisma.review.count({ where: { userId: owner.id } })).toBe(2);
    const listed = await listDecks(db.prisma, owner, now);
    expect(listed).toEqual([
      expect.objectContaining({
        id: deckId,
        title: "Secret deck",
        progress: expect.objectContaining({ cards: 2, studied: 2 }),
      }),
    ]);
    expect(await deckChoices(db.prisma, owner)).toEqual([{ id: deckId, title: "Secret deck" }]);

    // Another learner: no study, even asking for the deck by id; no grading, suspending or burying.
    expect(await cram(other)).not.toContain(cardId);
    expect(await cram(other, [deckId])).toEqual([]);
    await expect(recordGrade(db.prisma, other, grading(cardId), now)).rejects.toBeInstanceOf(AppError);
    await expect(
      setSuspended(db.prisma, other, { questionId: cardId, side: "" }, true, now),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      buryUntilTomorrow(db.prisma, other, { questionId: cardId, side: "" }, now),
    ).rejects.toBeInstanceOf(AppError);
    expect(await db.prisma.studyCard.count({ where: { userId: other.id } })).toBe(0);
    // The owner can suspend their own card.
    await setSuspended(db.prisma, owner, { questionId: cardId, side: "" }, true, now);
    // Progress by the schedule: a month on, the unsuspended card is due and neither is mature; once
    // a card is scheduled three weeks or more ahead it counts as mature.
    const later = new Date(now.getTime() + 30 * 86_400_000);
    expect((await getDeck(db.prisma, owner, deckId, later))?.progress).toEqual({
      cards: 2,
      studied: 2,
      dueNow: 1,
      mature: 0,
    });
    await db.prisma.studyCard.updateMany({
      where: { userId: owner.id, questionId },
      data: { scheduledDays: 21, due: new Date(later.getTime() + 21 * 86_400_000) },
    });
    expect((await listDecks(db.prisma, owner, later))[0]?.progress).toEqual({
      cards: 2,
      studied: 2,
      dueNow: 0,
      mature: 1,
    });
  });

  it("never reaches anyone else's lists, quizzes, exams, insight or deck pages", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const other = await createPerson(db.prisma, "l2");
    const teacher = await createPerson(db.prisma, "t1", true);
    const admin = { ...(await createPerson(db.prisma, "a1")), roles: ["learner" as const, "admin" as const] };
    const { deckId, cardId, questionId, cardLocal } = await deckOf(owner);
    await recordGrade(db.prisma, owner, grading(cardId), now);

    // Study catalog, home page topics, mastery denominators: public lists without the deck.
    expect((await studyCatalog(db.prisma)).banks.map((b) => b.id)).not.toContain(deckId);
    expect((await listTopics(db.prisma)).map((t) => t.topic)).not.toContain("my-decks");
    expect((await cardTotalsByTopic(db.prisma)).has("my-decks")).toBe(false);
    // Quiz builder, question pools (class quizzes and practice exams).
    expect((await builderChoices(db.prisma, teacher)).questions.map((q) => q.id)).not.toContain(questionId);
    const everything = { topics: [], tags: [], difficulties: [], kinds: [] };
    expect((await questionPool(db.prisma, everything, owner.id)).map((q) => q.id)).not.toContain(questionId);
    await expect(
      createExam(db.prisma, owner, {
        title: "",
        topics: ["my-decks"],
        questionCount: 5,
        timeLimitMinutes: 10,
      }),
    ).rejects.toBeInstanceOf(AppError);
    // A quiz that names the deck's question by id still cannot draw it.
    const { quizId, classId } = await seedClassQuiz(db.prisma, teacher, [owner]);
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify([questionId]) },
    });
    await expect(startAttempt(db.prisma, owner, quizId, now)).rejects.toBeInstanceOf(AppError);
    // The class heatmap shows the learner's open-bank topics only.
    const heatmap = await classHeatmap(db.prisma, teacher, classId, now);
    expect(heatmap.topics.map((t) => t.key)).not.toContain("my-decks");
    const drill = await learnerDrillDown(db.prisma, teacher, classId, owner.id, now);
    expect(drill.progress.byTopic.map((t) => t.key)).not.toContain("my-decks");
    // Reports are for banks' authors: a deck question is not reportable.
    await expect(
      reportQuestion(db.prisma, other, { questionId, reason: "typo", message: "x" }),
    ).rejects.toBeInstanceOf(AppError);
    // Deck pages and doors: nothing for anyone but the owner, admin included.
    for (const who of [other, teacher, admin]) {
      expect(await getDeck(db.prisma, who, deckId, now)).toBeNull();
      expect(await getDeckCard(db.prisma, who, deckId, cardLocal)).toBeNull();
      expect(await listDecks(db.prisma, who, now)).toEqual([]);
      expect(await deckChoices(db.prisma, who)).toEqual([]);
      expect(await deckAsBank(db.prisma, who, deckId)).toBeNull();
      expect(await saveDeckCard(db.prisma, who, deckId, null, FLASHCARD)).toBeNull();
      expect(await saveDeckCard(db.prisma, who, deckId, cardLocal, FLASHCARD)).toBeNull();
      expect(
        await importIntoDeck(db.prisma, who, deckId, {
          text: "## X {#x}\n\nkind: flashcard\n\nY\n",
          fileName: "x.md",
          format: "gfm",
        }),
      ).toBeNull();
      expect(await deleteDeckCard(db.prisma, who, deckId, cardLocal)).toBeNull();
      expect(await deleteDeck(db.prisma, who, deckId)).toBeNull();
      expect(JSON.stringify(await exportOwnData(db.prisma, who, now))).not.toContain("Secret deck");
    }
    expect(await db.prisma.question.count({ where: { bankId: deckId } })).toBe(2);
    // The owner's own data export holds the deck.
    expect(JSON.stringify(await exportOwnData(db.prisma, owner, now))).toContain("Secret deck front");
  });

  it("lists a large deck a page of cards at a time, in the deck's order, with the whole count", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "Large", description: "" }, now);
    const text = Array.from(
      { length: 250 },
      (_, i) => `## Card ${i} {#c${i}}\n\nkind: flashcard\n\nBack ${i}\n`,
    ).join("\n");
    expect(
      await importIntoDeck(db.prisma, owner, deckId, { text, fileName: "big.md", format: "gfm" }),
    ).toMatchObject({
      ok: true,
      added: 250,
    });
    const first = await getDeck(db.prisma, owner, deckId, now);
    expect(first).toMatchObject({ cardCount: 250, page: 1, pages: 3 });
    expect(first?.progress.cards).toBe(250);
    expect(first?.cards.map((c) => c.localId)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}`));
    const last = await getDeck(db.prisma, owner, deckId, now, 3);
    expect(last?.cards.map((c) => c.localId)).toEqual(Array.from({ length: 50 }, (_, i) => `c${200 + i}`));
    // A page past the end, or no number at all, shows the nearest page that exists.
    expect((await getDeck(db.prisma, owner, deckId, now, 99))?.page).toBe(3);
    expect((await getDeck(db.prisma, owner, deckId, now, Number.NaN))?.page).toBe(1);
  });

  it("an edit of a studied card keeps its id, schedule and reviews, and adds a revision", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId, cardId, cardLocal } = await deckOf(owner);
    await recordGrade(db.prisma, owner, grading(cardId), now);
    const before = await db.prisma.studyCard.findFirstOrThrow({ where: { questionId: cardId } });

    const unchanged = await saveDeckCard(db.prisma, owner, deckId, cardLocal, FLASHCARD);
    expect(unchanged).toMatchObject({ ok: true, revision: 1, created: false });
    const edited = await saveDeckCard(db.prisma, owner, deckId, cardLocal, {
      ...FLASHCARD,
      back: "A better back",
    });
    expect(edited).toMatchObject({ ok: true, localId: cardLocal, revision: 2, created: false });
    // A change of kind is a change like any other: same id, next revision.
    const rekinded = await saveDeckCard(db.prisma, owner, deckId, cardLocal, {
      kind: "typed",
      text: "Secret deck front",
      answers: "A better back",
    });
    expect(rekinded).toMatchObject({ ok: true, revision: 3 });

    const row = await db.prisma.question.findUniqueOrThrow({ where: { id: cardId } });
    expect([row.revision, row.kind]).toEqual([3, "typed"]);
    const revisions = await db.prisma.questionRevision.findMany({
      where: { questionId: cardId },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(revisions[0]?.data).toContain("Secret deck back");
    const after = await db.prisma.studyCard.findFirstOrThrow({ where: { questionId: cardId } });
    expect([after.id, after.due.getTime(), after.reps]).toEqual([
      before.id,
      before.due.getTime(),
      before.reps,
    ]);
    expect(await db.prisma.review.count({ where: { questionId: cardId } })).toBe(1);
  });

  it("a refused form writes nothing", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId, cardLocal } = await deckOf(owner);
    const questions = await db.prisma.question.count();
    const refused = await saveDeckCard(db.prisma, owner, deckId, null, { ...SINGLE, correct1: "" });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { options: [expect.stringMatching(/Tick the right/)] },
    });
    const badEdit = await saveDeckCard(db.prisma, owner, deckId, cardLocal, { ...FLASHCARD, back: "" });
    expect(badEdit?.ok).toBe(false);
    expect(await db.prisma.question.count()).toBe(questions);
    expect(
      (await db.prisma.question.findUniqueOrThrow({ where: { id: `${deckId}.${cardLocal}` } })).data,
    ).toContain("Secret deck back");
  });

  it("pasted cards are checked like an upload: errors point into the paste and save nothing; ids merge", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "Pasted", description: "" }, now);
    const paste = (text: string) =>
      importIntoDeck(db.prisma, owner, deckId, { text, fileName: "p.md", format: "gfm" });
    const broken = `## Good card {#good}

kind: flashcard

Back

## Broken question {#broken}

kind: single

- [ ] nothing is right
- [ ] here either
`;
    const refused = await paste(broken);
    expect(refused?.ok).toBe(false);
    if (refused && !refused.ok) expect(refused.findings.map((f) => f.line)).toContain(7);
    expect(await db.prisma.question.count({ where: { bankId: deckId } })).toBe(0);

    const fixed = broken.replace("- [ ] here either", "- [x] here either");
    expect(await paste(fixed)).toMatchObject({ ok: true, added: 2, updated: 0 });
    // The same ids again, one changed: updated in place, not doubled.
    expect(await paste(fixed.replace("Back", "A new back"))).toMatchObject({
      ok: true,
      added: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(await db.prisma.question.count({ where: { bankId: deckId } })).toBe(2);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: `${deckId}.good` } })).revision).toBe(
      2,
    );

    // Another format goes through the same converter; misconception tags are left out, and said so.
    const withTag = `---
id: tagged
title: Tagged
topic: elsewhere
---

## Tagged question {#tagged}

kind: single

- [ ] bridge
  - misconception: bridge-on-fargate
- [x] awsvpc
`;
    const tagged = await paste(withTag);
    expect(tagged).toMatchObject({ ok: true, added: 1 });
    if (tagged?.ok) expect(tagged.notes.join(" ")).toMatch(/1 misconception tag was left out/);
    expect(
      (await db.prisma.question.findUniqueOrThrow({ where: { id: `${deckId}.tagged` } })).data,
    ).not.toContain("bridge-on-fargate");
    const anki = await paste("#separator:tab\nWhat port does NFS use?\t2049\n");
    expect(anki?.ok).toBe(false);
    const ankiAuto = await importIntoDeck(db.prisma, owner, deckId, {
      text: "#separator:tab\nWhat port does NFS use?\t2049\n",
      fileName: "cards.txt",
      format: "auto",
    });
    expect(ankiAuto).toMatchObject({ ok: true, added: 1 });
  });

  it("exports as Markdown that imports back as the same cards (round trip)", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await deckOf(owner);
    const kinds: Array<Record<string, string>> = [
      { kind: "cloze", text: "EFS uses port {{c1::2049}} over {{c2::NFS}}." },
      {
        kind: "multiple",
        text: "Launch types?",
        option0: "EC2",
        correct0: "yes",
        option1: "Fargate",
        correct1: "yes",
        option2: "S3",
      },
      {
        kind: "true-false",
        text: "Fargate supports bridge mode.",
        truth: "false",
        explanation: "Only **awsvpc**.",
      },
      { kind: "typed", text: "NFS port?", answers: "2049" },
      { kind: "ordering", text: "Roll out", items: "Register\nUpdate\nDrain" },
      { kind: "flashcard", text: "Two-way", back: "card", reversible: "yes", tags: "basics" },
    ];
    for (const fields of kinds)
      expect((await saveDeckCard(db.prisma, owner, deckId, null, fields))?.ok).toBe(true);
    const bank = await deckAsBank(db.prisma, owner, deckId);
    if (!bank) throw new Error("no bank");
    const markdown = exportMarkdown(bank);
    expect(markdown).toMatch(/^---\nid: secret-deck\ntitle: Secret deck\ntopic: my-decks/);

    const { deckId: copyId } = await createDeck(db.prisma, owner, { title: "Copy", description: "" }, now);
    const imported = await importIntoDeck(db.prisma, owner, copyId, {
      text: markdown,
      fileName: "secret-deck.md",
      format: "gfm",
    });
    expect(imported).toMatchObject({ ok: true, added: 8 });
    const copy = await deckAsBank(db.prisma, owner, copyId);
    const strip = (b: typeof bank) => b.questions.map(({ line: _line, ...q }) => q);
    expect(strip(copy ?? bank)).toEqual(strip(bank));
  });

  it("deleting a card or the deck takes the learner's reviews with it, and nothing else", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const other = await createPerson(db.prisma, "l2");
    const mine = await deckOf(owner);
    const theirs = await deckOf(other, "Their deck");
    await recordGrade(db.prisma, owner, grading(mine.cardId), now);
    await recordGrade(
      db.prisma,
      owner,
      grading(mine.questionId, { answer: { kind: "choice", keys: ["A"] } }),
      now,
    );
    await recordGrade(db.prisma, other, grading(theirs.cardId), now);

    expect(await deleteDeckCard(db.prisma, owner, mine.deckId, mine.cardLocal)).toEqual({
      label: "Secret deck front",
    });
    expect(await db.prisma.review.count({ where: { questionId: mine.cardId } })).toBe(0);
    expect(await db.prisma.studyCard.count({ where: { questionId: mine.cardId } })).toBe(0);
    expect(await db.prisma.review.count({ where: { questionId: mine.questionId } })).toBe(1);

    expect(await deleteDeck(db.prisma, owner, mine.deckId)).toEqual({ title: "Secret deck" });
    expect(await db.prisma.bank.count({ where: { id: mine.deckId } })).toBe(0);
    expect(await db.prisma.question.count({ where: { bankId: mine.deckId } })).toBe(0);
    expect(await db.prisma.review.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.prisma.review.count({ where: { userId: other.id } })).toBe(1);
    expect(await getDeck(db.prisma, other, theirs.deckId, now)).not.toBeNull();

    // Deleting an account deletes its decks.
    await deleteOwnAccount(db.prisma, other);
    expect(await db.prisma.bank.count({ where: { id: theirs.deckId } })).toBe(0);
  });
});
