import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { KeptCardHistory } from "../banks/anki-history";
import { cardColumns } from "./study-grading";

// An Anki package's review history written as the learner's own, inside the import's transaction:
// a study card per side, in the state FSRS reached over that history, and one review-log row per
// Anki review (the log is append-only: these are inserts only). Only cards this import added get
// history: a card the deck already had keeps its own, so importing a package again adds nothing.

/** Rows per INSERT: a review row has 17 columns, well under either database's parameter limit. */
const BATCH = 200;

/**
 * Writes `kept` for the questions in `addedIds` (the ones this import created, at revision 1) as
 * `userId`'s study cards and review rows. Returns what was written.
 */
export async function writeKeptHistory(
  tx: Prisma.TransactionClient,
  userId: string,
  kept: readonly KeptCardHistory[],
  addedIds: ReadonlySet<string>,
): Promise<{ cards: number; reviews: number }> {
  const cards: Prisma.StudyCardCreateManyInput[] = [];
  const reviews: Prisma.ReviewCreateManyInput[] = [];
  for (const entry of kept) {
    if (!addedIds.has(entry.questionId) || entry.reviews.length === 0) continue;
    const cardId = randomUUID();
    const { state } = entry;
    cards.push({
      id: cardId,
      userId,
      questionId: entry.questionId,
      side: entry.side,
      ...cardColumns(state),
    });
    for (const review of entry.reviews)
      reviews.push({
        id: randomUUID(),
        userId,
        cardId,
        questionId: entry.questionId,
        revision: 1,
        kind: "grade",
        grade: review.grade,
        wasNew: review.before.phase === "new",
        stateBefore: JSON.stringify(review.before),
        stateAfter: JSON.stringify(review.after),
        durationMs: review.durationMs,
        // Both times are the review's own, from Anki: progress counts it on the day it was made.
        clientTime: review.at,
        serverTime: review.at,
      });
  }
  for (let i = 0; i < cards.length; i += BATCH)
    await tx.studyCard.createMany({ data: cards.slice(i, i + BATCH) });
  for (let i = 0; i < reviews.length; i += BATCH)
    await tx.review.createMany({ data: reviews.slice(i, i + BATCH) });
  return { cards: cards.length, reviews: reviews.length };
}
