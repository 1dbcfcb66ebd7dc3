import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptsWork } from "@/lib/quiz";
import { storeOf } from "../db";
import { readAttemptItems } from "./json-columns";

// While a learner has a quiz or exam attempt open, its questions stay out of Study: cram mode and
// a grading would otherwise show their keys and explanations, and tell right from wrong, in the
// middle of the attempt. They come back when the attempt is submitted or its time runs out.

/** The questions of the learner's open, unexpired attempts: held back from every Study door. */
export async function questionsHeldBack(db: PrismaClient, userId: string, now: Date): Promise<Set<string>> {
  // On every grading: one prepared statement (lib/server/db), not a Prisma query.
  const open = await storeOf(db).openAttemptsOf(userId);
  const held = new Set<string>();
  for (const attempt of open) {
    if (!acceptsWork(now, attempt.deadline)) continue;
    for (const item of readAttemptItems(attempt.items)) held.add(item.questionId);
  }
  return held;
}
