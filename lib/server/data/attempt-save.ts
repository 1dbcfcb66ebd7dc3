import "server-only";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptsWork, toStoredAnswer } from "@/lib/quiz";
import type { SaveAnswerInput } from "@/lib/quiz/schemas";
import { serverText } from "@/lib/server/i18n/server-text";
import type { ActingUser } from "../auth/acting-user";
import { DatabaseBusyError, storeOf } from "../db";
import { finishOverdue } from "./attempt-finish";
import { assertStillOnRoster } from "./attempt-membership";
import { NO_ATTEMPT } from "./attempt-review";
import { readAttemptItems } from "./json-columns";
import { loseRaceDelay } from "./study-grading";

// Autosave: one answer (and its flag) to the learner's open attempt, idempotent per question.

/**
 * Learners: saves one answer (and its flag) to their open attempt. Idempotent per question: the
 * browser's `seq` grows with each change, and a save no newer than the stored one changes nothing.
 * Refused once the attempt is finished or its deadline (plus grace) has passed.
 */
export async function saveAnswer(
  db: PrismaClient,
  actor: ActingUser,
  input: SaveAnswerInput,
  now: Date,
): Promise<{ saved: boolean }> {
  // A learner taken off the class's roster may not save (their open attempts were ended too).
  await assertStillOnRoster(db, actor, input.attemptId);
  // Read, decide, then one guarded write (lib/server/db/store.ts): it lands only while the attempt
  // is open, over an older sequence number, and (for a change of answer) while unchecked. When a
  // guard holds, read again to say why: a newer save, a check, or the attempt's end.
  const store = storeOf(db);
  let outcome: "saved" | "stale" | "overdue" | null = null;
  for (let round = 0; outcome === null; round += 1) {
    if (round === SAVE_ROUNDS) throw new DatabaseBusyError("The answer kept changing while it was saved");
    if (round > 0) await loseRaceDelay(round);
    const attempt = await store.attemptForSave(input.attemptId, actor.id);
    if (!attempt) throw NO_ATTEMPT();
    if (attempt.status !== "open") throw new AppError("conflict", serverText("quiz.refusal")("finished"));
    if (!acceptsWork(now, attempt.deadline)) {
      outcome = "overdue";
      break;
    }
    const item = readAttemptItems(attempt.items).find((i) => i.questionId === input.questionId);
    if (!item) throw new AppError("invalid", serverText("quiz.refusal")("notInAttempt"));
    // The browser names options by the attempt's opaque ids; the answer is stored in bank keys.
    const stored = input.answer ? toStoredAnswer(item, input.answer) : null;
    if (input.answer && !stored) throw new AppError("invalid", serverText("quiz.refusal")("unknownOption"));
    const save = {
      attemptId: input.attemptId,
      questionId: input.questionId,
      answer: stored ? JSON.stringify(stored) : null,
      flagged: input.flagged,
      seq: input.seq,
    };
    const current = await store.savedAnswer(input.attemptId, input.questionId);
    if (current && current.seq >= input.seq) {
      outcome = "stale";
      break;
    }
    if (current?.checkedAt && save.answer !== current.answer) {
      // A checked answer is locked: its flag may still change, its answer may not.
      throw new AppError("locked", serverText("quiz.refusal")("locked"));
    }
    const mode = !current ? "insert" : current.checkedAt ? "keepAnswer" : "unchecked";
    if ((await store.writeAnswer(save, mode, now)) > 0) outcome = "saved";
  }
  if (outcome === "overdue") {
    await finishOverdue(db, { attemptId: input.attemptId }, now);
    throw new AppError("deadline", serverText("quiz.refusal")("saveDeadline"));
  }
  return { saved: outcome === "saved" };
}

/** How often an autosave reads again after a guard held before it answers "busy, try again". */
const SAVE_ROUNDS = 16;
