import "server-only";
import { randomUUID } from "node:crypto";
import type { KeptHistoryRows } from "../banks/anki-history";
import type { ImportedCardRow, ImportedReviewRow } from "../db/store";
import { cardColumns } from "./study-grading";

// An Anki package's review history written as the learner's own: a study card per side, in the
// state FSRS reached over that history, and one review-log row per Anki review (the log is
// append-only: these are inserts only). Only cards the import adds get history: a card the deck
// already had keeps its own, so importing a package again adds nothing. The rows go to the store
// with their questions, a part at a time (decks-import.ts).

/**
 * The study cards and review rows `kept` gives `userId` for the questions in `addedIds` (the ones
 * this import creates, at revision 1). The JSON states were made in the upload worker.
 */
export function keptHistoryFor(
  userId: string,
  kept: readonly KeptHistoryRows[],
  addedIds: ReadonlySet<string>,
): { cards: ImportedCardRow[]; reviews: ImportedReviewRow[] } {
  const cards: ImportedCardRow[] = [];
  const reviews: ImportedReviewRow[] = [];
  for (const entry of kept) {
    if (!addedIds.has(entry.questionId) || entry.reviews.length === 0) continue;
    const cardId = randomUUID();
    cards.push({
      id: cardId,
      userId,
      questionId: entry.questionId,
      side: entry.side,
      state: cardColumns(entry.state),
    });
    for (const review of entry.reviews)
      reviews.push({
        id: randomUUID(),
        userId,
        cardId,
        questionId: entry.questionId,
        revision: 1,
        grade: review.grade,
        wasNew: review.wasNew,
        stateBefore: review.stateBefore,
        stateAfter: review.stateAfter,
        durationMs: review.durationMs,
        // The review's own time, from Anki: progress counts it on the day it was made.
        at: review.at,
      });
  }
  return { cards, reviews };
}
