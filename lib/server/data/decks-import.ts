import "server-only";
import { randomBytes } from "node:crypto";
import type { Question } from "@/lib/bank";
import { DECK_TOPIC } from "@/lib/bank/deck-card";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ActingUser, assertSignedIn } from "../auth/acting-user";
import type { KeptHistoryRows } from "../banks/anki-history";
import type { UploadFinding, UploadInput } from "../banks/check-upload";
import { checkDeckUploadOffThread } from "../banks/check-upload-thread";
import { storeOf } from "../db";
import { giveWay } from "../give-way";
import { serverText } from "../i18n/server-text";
import { ownDeck, PERSONAL_VISIBILITY } from "./bank-visibility";
import { keptHistoryFor } from "./decks-history";
import { applyDeckChanges, deckWriteCounts, planDeckWrite, ROWS_PER_TURN } from "./decks-write";
import { getStudyPreferences } from "./study-settings";

// Pasting or uploading cards into a learner's deck: the same check and conversion an instructor's
// upload goes through (checkDeckUploadOffThread: Taskdeck Markdown, another format importBank
// converts, or an Anki package, read and its history replayed off the request thread), then a merge keyed by the cards' ids, so a deck exported as Markdown, edited and
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
  // An Anki package's history is replayed where the package is read, with the learner's settings.
  const replay =
    options.keepHistory && input.format === "apkg"
      ? { deckId, settings: await getStudyPreferences(db, me) }
      : null;
  const { checked, kept } = await checkDeckUploadOffThread(
    "text" in input ? { ...input, text: added + input.text } : input,
    replay,
  );
  const moved = (f: UploadFinding): UploadFinding => ({ ...f, line: Math.max(1, f.line - shift) });
  if (!checked.ok) return { ok: false, findings: checked.findings.map(moved) };
  let dropped = 0;
  const questions = checked.bank.questions.map((q) => {
    const clean = withoutMisconceptions(q);
    dropped += clean.dropped;
    return { ...clean.question, line: 1 };
  });
  const counts = await writeImport(db, me.id, deckId, questions, kept);
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

/**
 * New cards per short transaction: their questions, first revisions and any kept history. Other
 * requests wait for one batch at most: with 50 cards and their Anki history (6 reviews each), health
 * checks during the largest .apkg import waited up to 100-160 ms now and then; with 25, under ~85 ms
 * but for the import's end (pooled over three imports, 2026-12-07), for ~1 s more of import (6.2 s).
 */
const STAGED_CARDS = 25;

/** The `file` of a staging bank: new cards wait there, seen by no one, until the import ends. */
const STAGING_FILE = "deck-staging:";

/** How long a staging bank may be in the writing before it counts as abandoned. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Writes an import's cards without holding the server: a 5,000-card package with its Anki
 * history is some 45,000 rows, and in one transaction it held the connection (and so every other
 * learner's request, /api/health's too) for tens of seconds. New cards are written in short
 * transactions of STAGED_CARDS into a staging bank that has no owner (no one's study, list or
 * count sees it), yielding to the event loop between them; the last, short transaction checks the
 * deck is still the learner's, applies the changed cards' new revisions and moves the new cards
 * into the deck at once. On any error, or when the deck is gone, the staging bank is deleted with
 * everything under it; one left by a server that stopped mid-import is swept by the next import.
 * Null when the deck is not the learner's any more.
 */
async function writeImport(
  db: PrismaClient,
  userId: string,
  deckId: string,
  questions: readonly Question[],
  kept: readonly KeptHistoryRows[] | null | undefined,
) {
  const now = new Date();
  await db.bank.deleteMany({
    where: {
      file: { startsWith: STAGING_FILE },
      lastSyncedAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) },
    },
  });
  const plan = await planDeckWrite(db, deckId, questions, { yieldEvery: ROWS_PER_TURN });
  const keptOf = new Map<string, KeptHistoryRows[]>();
  for (const entry of kept ?? [])
    keptOf.set(entry.questionId, [...(keptOf.get(entry.questionId) ?? []), entry]);
  const history = { cards: 0, reviews: 0 };
  let staging: string | null = null;
  try {
    if (plan.created.length > 0) {
      const stagingId = `${deckId}-staging-${randomBytes(4).toString("hex")}`;
      staging = stagingId;
      await db.bank.create({
        data: {
          id: stagingId,
          title: "Cards being imported",
          topic: DECK_TOPIC,
          file: `${STAGING_FILE}${deckId}`,
          sourceHash: stagingId,
          lastSyncedAt: now,
          visibility: PERSONAL_VISIBILITY,
          ownerId: null,
        },
      });
      for (let start = 0; start < plan.created.length; start += STAGED_CARDS) {
        const batch = plan.created.slice(start, start + STAGED_CARDS);
        const ids = new Set(batch.map((row) => row.id));
        const { cards, reviews } = kept
          ? keptHistoryFor(
              userId,
              batch.flatMap((row) => keptOf.get(row.id) ?? []),
              ids,
            )
          : { cards: [], reviews: [] };
        await storeOf(db).insertImportedCards(
          batch.map((row) => ({
            id: row.id,
            bankId: stagingId,
            ...row.fields,
            data: row.data,
            contentHash: row.contentHash,
          })),
          cards,
          reviews,
          now,
        );
        history.cards += cards.length;
        history.reviews += reviews.length;
        await giveWay();
      }
    }
    // Changed cards take their new revisions with the move, through Prisma (rare, and a learner's
    // edit of a few cards); a plain import is only the move, as two statements of the store.
    const changed =
      plan.changed.length > 0
        ? await db.$transaction(async (tx) => {
            if (!(await tx.bank.count({ where: { id: deckId, ...ownDeck(userId) } }))) return null;
            const revisions = await applyDeckChanges(tx, plan.changed);
            if (staging) {
              await tx.question.updateMany({ where: { bankId: staging }, data: { bankId: deckId } });
              await tx.bank.delete({ where: { id: staging } });
            }
            return revisions;
          })
        : (await storeOf(db).moveStagedCards(
              staging,
              { id: deckId, ownerId: userId, visibility: PERSONAL_VISIBILITY },
              now,
            ))
          ? new Map<string, number>()
          : null;
    if (!changed) return null;
    staging = null;
    return { ...deckWriteCounts(deckId, plan, changed), history: kept ? history : null };
  } finally {
    if (staging) await db.bank.deleteMany({ where: { id: staging } }).catch(() => undefined);
  }
}
