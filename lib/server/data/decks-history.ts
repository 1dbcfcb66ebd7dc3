import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { KeptHistoryRows } from "../banks/anki-history";
import { cardColumns } from "./study-grading";

// An Anki package's review history written as the learner's own, inside the import's transaction:
// a study card per side, in the state FSRS reached over that history, and one review-log row per
// Anki review (the log is append-only: these are inserts only). Only cards this import added get
// history: a card the deck already had keeps its own, so importing a package again adds nothing.

/** Rows per INSERT: a review row has 17 columns, well under either database's parameter limit. */
const BATCH = 200;

/**
 * Writes `kept` for the questions in `addedIds` (the ones this import created, at revision 1) as
 * `userId`'s study cards and review rows. Returns what was written. The rows arrive made (their
 * JSON states too, in the upload worker: deck-upload.ts); each batch is shaped just before its
 * insert, so no step of a large history holds the server's thread for long.
 */
export async function writeKeptHistory(
  tx: Prisma.TransactionClient,
  userId: string,
  kept: readonly KeptHistoryRows[],
  addedIds: ReadonlySet<string>,
): Promise<{ cards: number; reviews: number }> {
  const sides = kept
    .filter((entry) => addedIds.has(entry.questionId) && entry.reviews.length > 0)
    .map((entry) => ({ entry, cardId: randomUUID() }));
  for (let i = 0; i < sides.length; i += BATCH)
    await tx.studyCard.createMany({
      data: sides.slice(i, i + BATCH).map(
        ({ entry, cardId }): Prisma.StudyCardCreateManyInput => ({
          id: cardId,
          userId,
          questionId: entry.questionId,
          side: entry.side,
          ...cardColumns(entry.state),
        }),
      ),
    });
  let reviews: Prisma.ReviewCreateManyInput[] = [];
  let written = 0;
  const flush = async () => {
    await tx.review.createMany({ data: reviews });
    written += reviews.length;
    reviews = [];
  };
  for (const { entry, cardId } of sides)
    for (const review of entry.reviews) {
      reviews.push({
        id: randomUUID(),
        userId,
        cardId,
        questionId: entry.questionId,
        revision: 1,
        kind: "grade",
        grade: review.grade,
        wasNew: review.wasNew,
        stateBefore: review.stateBefore,
        stateAfter: review.stateAfter,
        durationMs: review.durationMs,
        // Both times are the review's own, from Anki: progress counts it on the day it was made.
        clientTime: review.at,
        serverTime: review.at,
      });
      if (reviews.length === BATCH) await flush();
    }
  if (reviews.length > 0) await flush();
  return { cards: sides.length, reviews: written };
}
