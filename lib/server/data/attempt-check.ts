import "server-only";
import { answerKeyWithTranslations, checkAnswer, type GivenAnswer } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { acceptsWork } from "@/lib/quiz";
import type { ReviewItem } from "@/lib/quiz/views";
import { serverText } from "@/lib/server/i18n/server-text";
import type { ActingUser } from "../auth/acting-user";
import { assertStillOnRoster } from "./attempt-membership";
import { publicReviewItem, questionsOf, reviewItem } from "./attempt-review";
import { finishOverdue, mayCheck } from "./attempts";
import { readAttemptItems, readSavedAnswer } from "./json-columns";

// Immediate feedback, one question at a time: the learner checks a saved answer, the server locks
// it, and only then sends that question's correctness, key, explanation and simulation.

/** True when an answer says something (an empty choice or blank text is no answer). */
export function hasContent(answer: GivenAnswer | null): answer is GivenAnswer {
  if (!answer) return false;
  if (answer.kind === "typed") return answer.text.trim() !== "";
  if (answer.kind === "true-false") return true;
  return answer.keys.length > 0;
}

/**
 * Learners, for their own open attempt at a quiz with immediate feedback: locks the saved answer
 * to one question and returns its review (in `locale`, with the English original when translated).
 * Checking again returns the same review.
 */
export async function checkQuestion(
  db: PrismaClient,
  actor: ActingUser,
  input: { attemptId: string; questionId: string },
  now: Date,
  locale: Locale = "en",
): Promise<ReviewItem> {
  // A learner taken off the class's roster gets no key.
  await assertStillOnRoster(db, actor, input.attemptId);
  const attempt = await db.quizAttempt.findFirst({
    where: { id: input.attemptId, userId: actor.id },
    select: { status: true, deadline: true, items: true, quiz: { select: { mode: true, feedback: true } } },
  });
  if (!attempt) throw new AppError("not-found", serverText("quiz.refusal")("noAttempt"));
  if (attempt.status !== "open") throw new AppError("conflict", serverText("quiz.refusal")("finished"));
  if (!mayCheck(attempt.quiz)) throw new AppError("invalid", serverText("quiz.refusal")("afterEnd"));
  if (!acceptsWork(now, attempt.deadline)) {
    await finishOverdue(db, { attemptId: input.attemptId }, now);
    throw new AppError("deadline", serverText("quiz.refusal")("checkDeadline"));
  }
  const item = readAttemptItems(attempt.items).find((i) => i.questionId === input.questionId);
  if (!item) throw new AppError("invalid", serverText("quiz.refusal")("notInAttempt"));
  const entry = (await questionsOf(db, [item])).get(item.questionId);
  if (!entry) throw new AppError("invalid", serverText("quiz.refusal")("notInAttempt"));

  const where = { attemptId: input.attemptId, questionId: input.questionId };
  // A save may land between the read and the lock: the lock claims exactly the answer it read
  // (same seq), and otherwise reads again.
  for (let tries = 0; tries < 5; tries += 1) {
    const row = await db.attemptAnswer.findUnique({
      where: { attemptId_questionId: where },
      select: { answer: true, seq: true, checkedAt: true },
    });
    const given = readSavedAnswer(row?.answer ?? null);
    if (!row || !hasContent(given)) throw new AppError("invalid", serverText("quiz.refusal")("answerFirst"));
    const isCorrect = checkAnswer(
      answerKeyWithTranslations(entry.question, entry.translations),
      given,
    ).isCorrect;
    // The runner knows the options by the attempt's opaque ids: the review speaks them too.
    if (row.checkedAt) return publicReviewItem(item, reviewItem(item, entry, given, isCorrect, locale));
    const locked = await db.attemptAnswer.updateMany({
      where: { ...where, seq: row.seq, checkedAt: null, attempt: { status: "open" } },
      data: { checkedAt: now, isCorrect },
    });
    if (locked.count === 1) return publicReviewItem(item, reviewItem(item, entry, given, isCorrect, locale));
  }
  throw new AppError("conflict", serverText("quiz.refusal")("stillChanging"));
}
