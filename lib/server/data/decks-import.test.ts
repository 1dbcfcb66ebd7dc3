import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPerson } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createDeck } from "./decks";
import { importIntoDeck } from "./decks-import";

// Issue 17 item 4: a large import into a deck never holds the server. Its new cards are written
// in short transactions into a staging bank nobody sees, then moved into the deck at once.

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

/** A pasted deck of `count` flashcards, ids c0…c{count-1}. */
const cards = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `## Card ${i} front {#c${i}}\n\nkind: flashcard\n\nBack ${i}\n`,
  ).join("\n");
const paste = (text: string) => ({ text, fileName: "cards.md", format: "gfm" as const });
const stagingBanks = () => db.prisma.bank.count({ where: { file: { startsWith: "deck-staging:" } } });

describe("importing many cards into a deck", () => {
  it("lets other requests through between short writes, and the deck shows none or all of them", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "Big", description: "" }, now);
    let done = false;
    const importing = importIntoDeck(db.prisma, owner, deckId, paste(cards(300))).finally(() => {
      done = true;
    });
    // Another learner's request, again and again while the import runs: with one long transaction
    // it waited for the whole import (one answer before the end); now it is answered between parts.
    const seen: Array<{ inDeck: number; staging: number }> = [];
    while (!done) {
      const [inDeck, staging] = await Promise.all([
        db.prisma.question.count({ where: { bankId: deckId } }),
        stagingBanks(),
      ]);
      seen.push({ inDeck, staging });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await importing).toMatchObject({ ok: true, added: 300 });
    // Answered several times while the cards were being written (a staging bank existed)…
    expect(seen.filter((s) => s.staging === 1).length).toBeGreaterThanOrEqual(4);
    // …and never shown a part of the import.
    expect(seen.every((s) => s.inDeck === 0 || s.inDeck === 300)).toBe(true);
    const positions = await db.prisma.question.findMany({
      where: { bankId: deckId },
      select: { position: true },
    });
    expect(new Set(positions.map((q) => q.position)).size).toBe(300);
    expect(await stagingBanks()).toBe(0);
  });

  it("writes nothing when a part fails: the deck stays as it was and the staged cards go", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "Kept", description: "" }, now);
    expect(await importIntoDeck(db.prisma, owner, deckId, paste(cards(3)))).toMatchObject({
      ok: true,
      added: 3,
    });
    // Card c250 appears elsewhere first (as when two imports race): the fifth part's insert fails.
    const { deckId: other } = await createDeck(db.prisma, owner, { title: "Other", description: "" }, now);
    const taken = await db.prisma.question.findUniqueOrThrow({ where: { id: `${deckId}.c0` } });
    await db.prisma.question.create({
      data: { ...taken, id: `${deckId}.c250`, bankId: other, createdAt: undefined, updatedAt: undefined },
    });
    await expect(importIntoDeck(db.prisma, owner, deckId, paste(cards(300)))).rejects.toThrow();
    expect(await db.prisma.question.count({ where: { bankId: deckId } })).toBe(3);
    expect(await stagingBanks()).toBe(0);
    expect(
      await db.prisma.questionRevision.count({ where: { questionId: { startsWith: `${deckId}.c2` } } }),
    ).toBe(1);
  });

  it("moves nothing into a deck deleted while its cards were being written, and leaves nothing behind", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "Gone", description: "" }, now);
    const importing = importIntoDeck(db.prisma, owner, deckId, paste(cards(300)));
    // The learner deletes the deck from another tab once the first parts are staged.
    while ((await stagingBanks()) === 0) await new Promise((resolve) => setImmediate(resolve));
    await db.prisma.bank.delete({ where: { id: deckId } });
    expect(await importing).toBeNull();
    expect(await stagingBanks()).toBe(0);
    expect(await db.prisma.question.count({ where: { id: { startsWith: `${deckId}.` } } })).toBe(0);
  });

  it("sweeps a staging bank a stopped server left over an hour ago, and leaves a running one", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "Swept", description: "" }, now);
    const staging = (id: string, at: Date) =>
      db.prisma.bank.create({
        data: {
          id,
          title: "Cards being imported",
          topic: "deck",
          file: `deck-staging:${deckId}`,
          sourceHash: id,
          lastSyncedAt: at,
          visibility: "personal",
          ownerId: null,
        },
      });
    await staging("left-behind", new Date(Date.now() - 2 * 60 * 60 * 1000));
    await staging("in-progress", new Date());
    expect(await importIntoDeck(db.prisma, owner, deckId, paste(cards(2)))).toMatchObject({
      ok: true,
      added: 2,
    });
    const left = await db.prisma.bank.findMany({
      where: { file: { startsWith: "deck-staging:" } },
      select: { id: true },
    });
    expect(left.map((bank) => bank.id)).toEqual(["in-progress"]);
  });
});
