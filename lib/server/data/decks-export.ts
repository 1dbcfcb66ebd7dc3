import "server-only";
import { type Bank, exportMarkdown, slugify } from "@/lib/bank";
import { DECK_TOPIC } from "@/lib/bank/deck-card";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ActingUser, assertSignedIn } from "../auth/acting-user";
import { inRequestLanguage } from "../auth/refusal-language";
import { bankToApkg, type CardHistory } from "../banks/anki-export";
import { ownDeck } from "./bank-visibility";
import { localIdOf } from "./decks";
import { parseStoredQuestion } from "./study-queue";

// A learner's deck written out as a bank: Taskdeck Markdown with the cards' deck-local ids, which
// the deck page (or an instructor's upload, or `npm run bank -- check`) reads back as the same cards.

/** The learner's deck as a bank (cards in order, deck-local ids); null when it is not theirs. */
export async function deckAsBank(db: PrismaClient, actor: ActingUser, deckId: string): Promise<Bank | null> {
  const me = assertSignedIn(actor);
  const deck = await db.bank.findFirst({ where: { id: deckId, ...ownDeck(me.id) }, select: { title: true } });
  if (!deck) return null;
  const rows = await db.question.findMany({
    where: { bankId: deckId, retiredAt: null },
    orderBy: { position: "asc" },
    select: { data: true },
  });
  const questions = rows.flatMap((row) => {
    const parsed = parseStoredQuestion(row.data);
    return parsed ? [{ ...parsed, id: localIdOf(deckId, parsed.id) }] : [];
  });
  const id = slugify(deck.title);
  return {
    file: `${id}.md`,
    meta: {
      id,
      title: deck.title,
      topic: DECK_TOPIC,
      domains: [],
      language: "en",
      version: "1",
      authors: [],
    },
    questions,
  };
}

/**
 * The learner's schedule and graded reviews (undone ones left out) of a deck's cards, by deck-local
 * question id and side: what the .apkg download carries, so Anki or another deck keeps them.
 */
async function deckHistory(db: PrismaClient, userId: string, deckId: string) {
  const cards = await db.studyCard.findMany({
    where: { userId, question: { bankId: deckId }, phase: { not: "new" } },
    select: {
      id: true,
      questionId: true,
      side: true,
      phase: true,
      due: true,
      scheduledDays: true,
      reps: true,
      lapses: true,
    },
  });
  const reviews = await db.review.findMany({
    where: { userId, kind: "grade", undoneBy: { is: null }, cardId: { in: cards.map((c) => c.id) } },
    orderBy: { serverTime: "asc" },
    select: { cardId: true, grade: true, durationMs: true, serverTime: true },
  });
  const byKey = new Map<string, CardHistory>();
  const byCard = new Map<string, CardHistory>();
  for (const card of cards) {
    const history: CardHistory = {
      state: { ...card, phase: card.phase as CardHistory["state"]["phase"] },
      reviews: [],
    };
    byKey.set(`${localIdOf(deckId, card.questionId)}\u0000${card.side}`, history);
    byCard.set(card.id, history);
  }
  for (const review of reviews) {
    const grade = review.grade as CardHistory["reviews"][number]["grade"] | null;
    if (grade)
      byCard
        .get(review.cardId)
        ?.reviews.push({ at: review.serverTime, grade, durationMs: review.durationMs });
  }
  return (questionId: string, side: string) => byKey.get(`${questionId}\u0000${side}`);
}

const NO_STORE = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

/**
 * The export route's answer: 401 signed out, 404 for a deck that is not the caller's (whoever they
 * are: the same answer as for a deck that does not exist), else the deck as a download.
 * `format` picks the writer: "markdown" (the default) is the bank format, "apkg" an Anki package.
 * Refusals are in the request's language (the route runs this inside runInLocale).
 */
export async function deckExportResponse(
  db: PrismaClient,
  actor: ActingUser | null,
  deckId: string,
  format: string | null,
): Promise<Response> {
  if (!actor)
    return new Response(inRequestLanguage("Sign in to continue."), { status: 401, headers: NO_STORE });
  const bank = await deckAsBank(db, actor, deckId);
  if (!bank) return new Response(inRequestLanguage("Not found."), { status: 404, headers: NO_STORE });
  switch (format ?? "markdown") {
    case "markdown":
      return new Response(exportMarkdown(bank), {
        headers: {
          ...NO_STORE,
          "content-type": "text/markdown; charset=utf-8",
          "content-disposition": `attachment; filename="${bank.file}"`,
        },
      });
    case "apkg":
      // Anki's older collection layout, which every Anki version imports (anki-export.ts).
      return new Response(
        Buffer.from(
          bankToApkg(bank, { deckName: bank.meta.title, history: await deckHistory(db, actor.id, deckId) }),
        ),
        {
          headers: {
            ...NO_STORE,
            "content-type": "application/octet-stream",
            "content-disposition": `attachment; filename="${bank.file.replace(/\.md$/, ".apkg")}"`,
          },
        },
      );
    default:
      return new Response(
        inRequestLanguage(
          "Unknown format. Decks are exported as Markdown (?format=markdown) or Anki (?format=apkg).",
        ),
        { status: 400, headers: NO_STORE },
      );
  }
}
