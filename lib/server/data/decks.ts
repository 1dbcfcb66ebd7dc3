import "server-only";
import { randomBytes } from "node:crypto";
import type { Question } from "@/lib/bank";
import { type CardFields, type CardText, cardFromForm, cardLabel, DECK_TOPIC } from "@/lib/bank/deck-card";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { validateSimBlock } from "@/lib/sim";
import { type ActingUser, assertSignedIn } from "../auth/acting-user";
import { storeOf } from "../db";
import type { DeckProgressCounts } from "../db/store";
import { serverText } from "../i18n/server-text";
import { ownDeck, PERSONAL_VISIBILITY } from "./bank-visibility";
import { writeDeckQuestions } from "./decks-write";
import { parseStoredQuestion } from "./study-queue";

// A learner's personal decks: a Bank with visibility "personal" and the learner as its owner, so
// Study, the scheduler and the revision rules treat its cards like any bank's, while every query
// here is scoped by the acting learner (another learner, an instructor or an admin finds nothing:
// no list, study, search, export or quiz offers it). Card ids carry the deck's id as a prefix
// (`d1a2b3c4d5.card-…`), so they can never collide with a shipped or uploaded question.

export type DeckProgress = { cards: number; studied: number; dueNow: number; mature: number };
export type DeckSummary = {
  id: string;
  title: string;
  description: string | null;
  createdAt: Date;
  progress: DeckProgress;
};
export type DeckCard = {
  /** The card's id within the deck (what the Markdown export writes as {#id}). */
  localId: string;
  questionId: string;
  kind: string;
  label: string;
  revision: number;
  /** Whether the learner has graded it at least once. */
  studied: boolean;
};
/** A deck's page: its summary and one page of its cards, in the deck's order. */
export type DeckView = DeckSummary & {
  cards: DeckCard[];
  /** Every live card of the deck, whichever page is shown. */
  cardCount: number;
  /** The page shown (1-based, within 1…pages) and how many pages there are (at least 1). */
  page: number;
  pages: number;
};

/** Cards per page of a deck: a 5,000-card Anki import stays a page a phone can render. */
export const DECK_PAGE_SIZE = 100;

export type CardSaveOutcome =
  | { ok: true; localId: string; revision: number; created: boolean }
  | { ok: false; fieldErrors: Record<string, string[]>; formError: string };

/** A card's id inside its deck, from its stored id. */
export const localIdOf = (deckId: string, questionId: string) =>
  questionId.startsWith(`${deckId}.`) ? questionId.slice(deckId.length + 1) : questionId;

/** Days of interval from which a card counts as mature (as the progress page counts them). */
const MATURE_DAYS = 21;

/**
 * A deck's progress: its cards (questions), how many the learner has graded at least once, how many
 * reviews are due now (a reversible card or a cloze with several gaps has a review per side), and
 * how many cards are mature (a side scheduled 21 days or more ahead).
 */
function progressOf(cards: number, counted: DeckProgressCounts | undefined): DeckProgress {
  return {
    cards,
    studied: counted?.studied ?? 0,
    dueNow: counted?.dueNow ?? 0,
    mature: counted?.mature ?? 0,
  };
}

/** The learner's own deck (scoped by owner), or null for anyone else's or none. */
async function ownedDeck(db: PrismaClient | Prisma.TransactionClient, actor: ActingUser, deckId: string) {
  return db.bank.findFirst({
    where: { id: deckId, ...ownDeck(actor.id) },
    select: { id: true, title: true, description: true, createdAt: true },
  });
}

/**
 * Creates an empty deck for the learner. Its cards are added in the form or from a file.
 * @example const { deckId } = await createDeck(db, me, { title: "ECS ports", description: "" }, now)
 */
export async function createDeck(
  db: PrismaClient,
  actor: ActingUser,
  input: { title: string; description: string },
  now: Date,
): Promise<{ deckId: string }> {
  const me = assertSignedIn(actor);
  const deckId = `d${randomBytes(5).toString("hex")}`;
  await db.bank.create({
    data: {
      id: deckId,
      title: input.title,
      description: input.description || null,
      topic: DECK_TOPIC,
      file: `deck:${deckId}`,
      sourceHash: deckId,
      lastSyncedAt: now,
      visibility: PERSONAL_VISIBILITY,
      ownerId: me.id,
    },
  });
  return { deckId };
}

/** The learner's progress counts in the given decks, by deck (counted by the database). */
async function progressByDeck(db: PrismaClient, actor: ActingUser, deckIds: string[], now: Date) {
  const counts = await storeOf(db).deckProgress(actor.id, deckIds, now, MATURE_DAYS);
  return new Map(counts.map((c) => [c.deckId, c]));
}

/** The learner's decks, newest first, each with its progress (cards, studied, due now, mature). */
export async function listDecks(db: PrismaClient, actor: ActingUser, now: Date): Promise<DeckSummary[]> {
  const me = assertSignedIn(actor);
  const decks = await db.bank.findMany({
    where: ownDeck(me.id),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      description: true,
      createdAt: true,
      _count: { select: { questions: { where: { retiredAt: null } } } },
    },
  });
  const byDeck = await progressByDeck(
    db,
    me,
    decks.map((d) => d.id),
    now,
  );
  return decks.map((d) => ({
    id: d.id,
    title: d.title,
    description: d.description,
    createdAt: d.createdAt,
    progress: progressOf(d._count.questions, byDeck.get(d.id)),
  }));
}

/** The learner's deck with its cards in order, or null when it is not theirs (or does not exist). */
export async function getDeck(
  db: PrismaClient,
  actor: ActingUser,
  deckId: string,
  now: Date,
  page = 1,
): Promise<DeckView | null> {
  const me = assertSignedIn(actor);
  const deck = await ownedDeck(db, me, deckId);
  if (!deck) return null;
  const live = { bankId: deck.id, retiredAt: null };
  const [cardCount, counted] = await Promise.all([
    db.question.count({ where: live }),
    progressByDeck(db, me, [deck.id], now).then((byDeck) => byDeck.get(deck.id)),
  ]);
  const pages = Math.max(1, Math.ceil(cardCount / DECK_PAGE_SIZE));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  // Only the page's cards are read and parsed: a deck's whole JSON is never loaded to list it.
  const questions = await db.question.findMany({
    where: live,
    orderBy: [{ position: "asc" }, { id: "asc" }],
    skip: (shown - 1) * DECK_PAGE_SIZE,
    take: DECK_PAGE_SIZE,
    select: { id: true, kind: true, data: true, revision: true },
  });
  const studied = new Set(
    await storeOf(db).studiedQuestionIds(
      me.id,
      questions.map((q) => q.id),
    ),
  );
  return {
    ...deck,
    progress: progressOf(cardCount, counted),
    cardCount,
    page: shown,
    pages,
    cards: questions.map((q) => {
      const parsed = parseStoredQuestion(q.data);
      return {
        localId: localIdOf(deck.id, q.id),
        questionId: q.id,
        kind: q.kind,
        label: parsed ? cardLabel(parsed) : q.id,
        revision: q.revision,
        studied: studied.has(q.id),
      };
    }),
  };
}

/** The learner's card as the form edits it (its id is the deck-local one), or null. */
export async function getDeckCard(
  db: PrismaClient,
  actor: ActingUser,
  deckId: string,
  localId: string,
): Promise<Question | null> {
  const me = assertSignedIn(actor);
  const row = await db.question.findFirst({
    where: { id: `${deckId}.${localId}`, retiredAt: null, bank: ownDeck(me.id) },
    select: { data: true },
  });
  const parsed = row ? parseStoredQuestion(row.data) : null;
  return parsed ? { ...parsed, id: localId } : null;
}

/**
 * Adds a card to the learner's deck (`localId` null) or saves an edit of one. The form is checked
 * field by field (lib/bank/deck-card.ts); nothing is written when any field is wrong. Null when the
 * deck (or the edited card) is not the learner's.
 */
export async function saveDeckCard(
  db: PrismaClient,
  actor: ActingUser,
  deckId: string,
  localId: string | null,
  fields: CardFields,
): Promise<CardSaveOutcome | null> {
  const me = assertSignedIn(actor);
  if (!(await ownedDeck(db, me, deckId))) return null;
  const keep = localId ? await getDeckCard(db, me, deckId, localId) : null;
  if (localId && !keep) return null;
  const id = localId ?? `card-${randomBytes(4).toString("hex")}`;
  // The field messages in the language of the request (English outside one: tests, the CLI).
  const text = serverText("decks.cardErrors") as CardText;
  const built = cardFromForm(fields, { id, keep, validateSim: validateSimBlock, text });
  if (!built.ok) return built;
  const written = await db.$transaction(async (tx) => {
    // Checked again inside the write: a deck deleted meanwhile takes no new card.
    if (!(await ownedDeck(tx, me, deckId))) return null;
    return writeDeckQuestions(tx, deckId, [built.question]);
  });
  if (!written) return null;
  return { ok: true, localId: id, revision: written.revisions.get(id) ?? 1, created: written.added > 0 };
}

/** Deletes one card of the learner's deck, with the learner's schedule and reviews of it. */
export async function deleteDeckCard(
  db: PrismaClient,
  actor: ActingUser,
  deckId: string,
  localId: string,
): Promise<{ label: string } | null> {
  const me = assertSignedIn(actor);
  const card = await getDeckCard(db, me, deckId, localId);
  if (!card) return null;
  const { count } = await db.question.deleteMany({
    where: { id: `${deckId}.${localId}`, bank: ownDeck(me.id) },
  });
  return count > 0 ? { label: cardLabel(card) } : null;
}

/** Deletes the learner's deck with its cards and every review of them. */
export async function deleteDeck(
  db: PrismaClient,
  actor: ActingUser,
  deckId: string,
): Promise<{ title: string } | null> {
  const me = assertSignedIn(actor);
  const deck = await ownedDeck(db, me, deckId);
  if (!deck) return null;
  const { count } = await db.bank.deleteMany({ where: { id: deckId, ...ownDeck(me.id) } });
  return count > 0 ? { title: deck.title } : null;
}

/** The learner's decks as Study offers them: one link per deck with cards. */
export async function deckChoices(db: PrismaClient, actor: ActingUser) {
  const me = assertSignedIn(actor);
  return db.bank.findMany({
    where: { ...ownDeck(me.id), questions: { some: { retiredAt: null } } },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
}
