import { expect } from "vitest";
import type {
  AccessAttempt,
  AccessRow,
  MatrixUserKey,
  MatrixWorld,
} from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { deckExportResponse } from "@/lib/server/data/decks-export";
import { createDeckCore, deleteCardCore, deleteDeckCore, importDeckCore, saveCardCore } from "./deck-core";

// Role-matrix rows for learners' personal decks (deck.ts and the export route). A deck is its
// owner's alone: the other learner, both instructors and the admin are refused every door, told
// nothing of it, and change nothing.

const TITLE = "Matrix deck";
const FRONT = "Matrix card front";
const SECRET = [TITLE, FRONT, "matrix card back"];

/** learner1's deck with one card (made once per world); returns its id and the card's id. */
async function learner1Deck(w: MatrixWorld) {
  const existing = await w.db.bank.findFirst({
    where: { visibility: "personal", ownerId: w.users.learner1.id },
    select: { id: true, questions: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  if (existing) {
    const first = existing.questions[0]?.id ?? "";
    return { deckId: existing.id, cardId: first.slice(existing.id.length + 1) };
  }
  const as1 = await w.as(w.users.learner1);
  const created = await createDeckCore(as1, form({ title: TITLE, description: "" }));
  if (!created.ok) throw new Error("learner1 could not create a deck");
  const card = await saveCardCore(
    as1,
    form({ deckId: created.deckId, kind: "flashcard", text: FRONT, back: "matrix card back" }),
  );
  if (!card.ok) throw new Error("learner1 could not add a card");
  return { deckId: created.deckId, cardId: card.localId };
}

const cardCount = async (w: MatrixWorld) =>
  w.db.question.count({ where: { bank: { visibility: "personal", ownerId: w.users.learner1.id } } });
const deckCount = (w: MatrixWorld) =>
  w.db.bank.count({ where: { visibility: "personal", ownerId: w.users.learner1.id } });

const OUTSIDERS: Array<Exclude<MatrixUserKey, "learner1">> = ["learner2", "instructor1", "admin"];

/** The same refused attempt for each person who is not the deck's owner. */
function outsiders(
  verb: string,
  run: (w: MatrixWorld, who: Exclude<MatrixUserKey, "learner1">) => Promise<unknown>,
  verify: (w: MatrixWorld) => Promise<void>,
): AccessAttempt[] {
  return OUTSIDERS.map((who) => ({
    label: `${who} ${verb} learner1's deck`,
    actor: who,
    expect: "refused" as const,
    run: (w: MatrixWorld) => run(w, who),
    mustNotReveal: () => SECRET,
    verify,
  }));
}

const exportAs = async (w: MatrixWorld, who: MatrixUserKey | null, deckId: string) => {
  const request = w.request(who ? w.users[who] : null, `/decks/${deckId}/export?format=markdown`);
  return deckExportResponse(w.db, await w.actorOf(request), deckId, "markdown");
};

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/deck.ts#createDeckAction",
    who: "Signed-in learners: a new deck of their own.",
    attempts: [
      {
        label: "a visitor creates a deck",
        actor: null,
        expect: "refused",
        run: async (w) => createDeckCore(await w.as(null), form({ title: TITLE, description: "" })),
        verify: async (w) => expect(await w.db.bank.count({ where: { visibility: "personal" } })).toBe(0),
      },
      {
        label: "learner1 creates a deck, which becomes theirs",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          createDeckCore(await w.as(w.users.learner1), form({ title: TITLE, description: "" })),
        verify: async (w) => expect(await deckCount(w)).toBe(1),
      },
    ],
  },
  {
    target: "lib/server/actions/deck.ts#saveCardAction",
    who: "Signed-in learners, for their own decks: add a card, or save an edit of one (its history is kept).",
    attempts: [
      ...outsiders(
        "adds a card to",
        async (w, who) =>
          saveCardCore(
            await w.as(w.users[who]),
            form({ deckId: (await learner1Deck(w)).deckId, kind: "flashcard", text: "Intruder", back: "x" }),
          ),
        async (w) => expect(await cardCount(w)).toBe(1),
      ),
      ...outsiders(
        "edits a card of",
        async (w, who) => {
          const { deckId, cardId } = await learner1Deck(w);
          return saveCardCore(
            await w.as(w.users[who]),
            form({ deckId, cardId, kind: "flashcard", text: "Rewritten", back: "x" }),
          );
        },
        async (w) => {
          const { deckId, cardId } = await learner1Deck(w);
          const row = await w.db.question.findUniqueOrThrow({ where: { id: `${deckId}.${cardId}` } });
          expect(row.revision).toBe(1);
        },
      ),
      {
        label: "learner1 adds a card to their deck",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          saveCardCore(
            await w.as(w.users.learner1),
            form({ deckId: (await learner1Deck(w)).deckId, kind: "flashcard", text: "Second", back: "card" }),
          ),
        verify: async (w) => expect(await cardCount(w)).toBe(2),
      },
    ],
  },
  {
    target: "lib/server/actions/deck.ts#importDeckAction",
    who: "Signed-in learners, for their own decks: paste or upload cards (nothing is saved on any error).",
    attempts: [
      ...outsiders(
        "pastes cards into",
        async (w, who) =>
          importDeckCore(
            await w.as(w.users[who]),
            form({
              deckId: (await learner1Deck(w)).deckId,
              markdown: "## Pasted {#pasted}\n\nkind: flashcard\n\nBack\n",
            }),
          ),
        async (w) => expect(await cardCount(w)).toBe(1),
      ),
      {
        label: "learner1 pastes cards into their deck",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          importDeckCore(
            await w.as(w.users.learner1),
            form({
              deckId: (await learner1Deck(w)).deckId,
              markdown: "## Pasted {#pasted}\n\nkind: flashcard\n\nBack\n",
            }),
          ),
        verify: async (w) => expect(await cardCount(w)).toBe(2),
      },
    ],
  },
  {
    target: "lib/server/actions/deck.ts#deleteCardAction",
    who: "Signed-in learners, for their own decks: delete a card with its reviews.",
    attempts: [
      ...outsiders(
        "deletes a card of",
        async (w, who) => deleteCardCore(await w.as(w.users[who]), form(await learner1Deck(w))),
        async (w) => expect(await cardCount(w)).toBe(1),
      ),
      {
        label: "learner1 deletes a card of their deck",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => deleteCardCore(await w.as(w.users.learner1), form(await learner1Deck(w))),
        verify: async (w) => expect(await cardCount(w)).toBe(0),
      },
    ],
  },
  {
    target: "lib/server/actions/deck.ts#deleteDeckAction",
    who: "Signed-in learners, for their own decks: delete it with its cards and their reviews (confirmed).",
    attempts: [
      ...outsiders(
        "deletes",
        async (w, who) =>
          deleteDeckCore(
            await w.as(w.users[who]),
            form({ deckId: (await learner1Deck(w)).deckId, confirm: "yes" }),
          ),
        async (w) => expect(await deckCount(w)).toBe(1),
      ),
      {
        label: "learner1 deletes their deck",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          deleteDeckCore(
            await w.as(w.users.learner1),
            form({ deckId: (await learner1Deck(w)).deckId, confirm: "yes" }),
          ),
        verify: async (w) => expect(await deckCount(w)).toBe(0),
      },
    ],
  },
  {
    target: "app/decks/[deckId]/export/route.ts#GET",
    who: "Signed-in learners, for their own decks only: the deck as a Markdown download (GET; changes nothing).",
    attempts: [
      {
        label: "a visitor downloads learner1's deck",
        actor: null,
        expect: "refused",
        run: async (w) => exportAs(w, null, (await learner1Deck(w)).deckId),
        mustNotReveal: () => SECRET,
      },
      ...OUTSIDERS.map(
        (who): AccessAttempt => ({
          label: `${who} downloads learner1's deck`,
          actor: who,
          expect: "refused",
          run: async (w) => exportAs(w, who, (await learner1Deck(w)).deckId),
          mustNotReveal: () => SECRET,
        }),
      ),
      {
        label: "learner1 downloads their deck",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => exportAs(w, "learner1", (await learner1Deck(w)).deckId),
      },
    ],
  },
];
