import "server-only";
import type { Question } from "@/lib/bank";
import { DECK_TOPIC } from "@/lib/bank/deck-card";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ActingUser, assertSignedIn } from "../auth/acting-user";
import { ankiHistoryFor } from "../banks/anki-history";
import type { UploadFinding, UploadInput } from "../banks/check-upload";
import { checkUploadOffThread } from "../banks/check-upload-thread";
import { serverText } from "../i18n/server-text";
import { ownDeck } from "./bank-visibility";
import { writeDeckQuestions } from "./decks";
import { writeKeptHistory } from "./decks-history";
import { getStudyPreferences } from "./study-settings";

// Pasting or uploading cards into a learner's deck: the same check and conversion an instructor's
// upload goes through (checkUploadOffThread: Taskdeck Markdown, or another format importBank
// converts), then a merge keyed by the cards' ids, so a deck exported as Markdown, edited and
// imported again updates its cards (new revisions, history kept) instead of doubling them.

export type DeckImportOutcome =
  | {
      ok: true;
      added: number;
      updated: number;
      unchanged: number;
      warnings: UploadFinding[];
      /** Notes on what the deck did not take from the file, said once each. */
      notes: string[];
      /** An Anki package's review history kept as the learner's own (null: none asked or none kept). */
      history: { cards: number; reviews: number } | null;
    }
  | { ok: false; findings: UploadFinding[] };

/** The front matter a pasted Taskdeck text without one is given: the deck stands for the bank. */
function frontMatterFor(title: string): string {
  return `---\nid: deck\ntitle: ${JSON.stringify(title)}\ntopic: ${DECK_TOPIC}\n---\n\n`;
}

/**
 * Misconception tags feed instructors' class analytics, which never see a personal deck: they are
 * left out (and counted), so nothing of a deck reaches anyone but its learner.
 */
function withoutMisconceptions(question: Question): { question: Question; dropped: number } {
  let dropped = 0;
  const options = question.options.map((option) => {
    if (!option.misconception) return option;
    dropped += 1;
    const { misconception: _tag, ...rest } = option;
    return rest;
  });
  return { question: { ...question, options }, dropped };
}

/**
 * Checks `input` like an instructor's upload and, when it has no error, adds its cards to the
 * learner's deck (a card whose id the deck already has is updated, keeping its history). With
 * `keepHistory`, an Anki package's review history becomes the learner's review rows for the cards
 * it adds, and their schedule is FSRS's over that history (decks-history.ts). Nothing is written
 * when there is any error. Null when the deck is not the learner's.
 */
export async function importIntoDeck(
  db: PrismaClient,
  actor: ActingUser,
  deckId: string,
  input: UploadInput,
  options: { keepHistory?: boolean } = {},
): Promise<DeckImportOutcome | null> {
  const me = assertSignedIn(actor);
  const deck = await db.bank.findFirst({ where: { id: deckId, ...ownDeck(me.id) }, select: { title: true } });
  if (!deck) return null;
  // Cards pasted without a front matter (the usual case for a deck) get the deck's, and the
  // findings' lines are moved back so they point into what the learner pasted.
  const bare = "text" in input && input.format === "gfm" && !/^\uFEFF?\s*---/.test(input.text);
  const added = bare ? frontMatterFor(deck.title) : "";
  const shift = added.split("\n").length - 1;
  const checked = await checkUploadOffThread(
    "text" in input ? { ...input, text: added + input.text } : input,
  );
  const moved = (f: UploadFinding): UploadFinding => ({ ...f, line: Math.max(1, f.line - shift) });
  if (!checked.ok) return { ok: false, findings: checked.findings.map(moved) };
  let dropped = 0;
  const questions = checked.bank.questions.map((q) => {
    const clean = withoutMisconceptions(q);
    dropped += clean.dropped;
    return { ...clean.question, line: 1 };
  });
  // The replay is computed before the transaction opens: only the inserts hold the connection.
  const kept =
    options.keepHistory && "collection" in input
      ? ankiHistoryFor(
          input.collection,
          questions,
          (q) => `${deckId}.${q.id}`,
          await getStudyPreferences(db, me),
        )
      : undefined;
  const counts = await db.$transaction(async (tx) => {
    if (!(await tx.bank.count({ where: { id: deckId, ...ownDeck(me.id) } }))) return null;
    const written = await writeDeckQuestions(tx, deckId, questions);
    const history = kept ? await writeKeptHistory(tx, me.id, kept, written.addedIds) : null;
    return { ...written, history };
  });
  if (!counts) return null;
  const history = counts.history && counts.history.reviews > 0 ? counts.history : null;
  // In the language of the request (English outside one: the CLI, the tests).
  const t = serverText("decks.importNotes");
  const notes = [
    ...(checked.bank.meta.title !== deck.title && !bare
      ? [t("titleIgnored", { file: checked.bank.meta.title, deck: deck.title })]
      : []),
    ...(dropped > 0 ? [t("misconceptionsLeftOut", { count: dropped })] : []),
    ...(history ? [t("historyKept", { reviews: history.reviews, cards: history.cards })] : []),
    ...(kept === null ? [t("historyNotKept")] : []),
  ];
  return {
    ok: true,
    added: counts.added,
    updated: counts.updated,
    unchanged: counts.unchanged,
    warnings: checked.warnings.map(moved),
    notes,
    history,
  };
}
