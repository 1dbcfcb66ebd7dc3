import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { attemptDeadline, drawAttempt, newOptionIds, seededRng, seedOf, startWindow } from "@/lib/quiz";
import { serverText } from "@/lib/server/i18n/server-text";
import type { ActingUser } from "../auth/acting-user";
import { finishOverdue } from "./attempt-finish";
import { readQuizQuestionIds } from "./json-columns";
import { getVisibleQuiz, questionPool, quizFilters } from "./quizzes";

// Starting an attempt: one open attempt per learner per quiz, drawn from a seed, its options
// under random ids.

/** Random ids for an item's options, so the browser never sees bank keys (lib/quiz/option-ids.ts). */
export const withOptionIds = <T extends { optionOrder: string[] }>(item: T): T & { optionIds: string[] } => ({
  ...item,
  optionIds: newOptionIds(item.optionOrder.length, () => randomBytes(6).toString("hex")),
});

/**
 * Learners: starts an attempt at a quiz they may take, or resumes their open one. One open
 * attempt per learner per quiz is guaranteed by the unique `openKey`.
 */
export async function startAttempt(
  db: PrismaClient,
  actor: ActingUser,
  quizId: string,
  now: Date,
): Promise<{ attemptId: string; resumed: boolean }> {
  const quiz = await getVisibleQuiz(db, actor, quizId);
  // The instructor of a class quiz previews it; only learners on the roster take it.
  if (!quiz || (quiz.mode === "quiz" && quiz.ownerId === actor.id))
    throw new AppError("not-found", serverText("quiz.refusal")("noQuiz"));
  await finishOverdue(db, { quizId, userId: actor.id }, now);
  const openKey = `${quizId}:${actor.id}`;
  const existing = await db.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
  if (existing) return { attemptId: existing.id, resumed: true };
  const window = startWindow(now, quiz.opensAt, quiz.closesAt);
  if (window === "not-yet") throw new AppError("closed", serverText("quiz.refusal")("notYetOpen"));
  if (window === "closed") throw new AppError("closed", serverText("quiz.refusal")("closed"));
  const filters = quizFilters(quiz);
  const fixedIds = readQuizQuestionIds(quiz.questionIds);
  const pool = await questionPool(
    db,
    quiz.selection === "fixed" ? { topics: [], tags: [], difficulties: [], kinds: [] } : filters,
    quiz.mode === "quiz" ? quiz.ownerId : null,
  );
  const deadline = attemptDeadline(now, quiz.timeLimitMinutes, quiz.closesAt);
  try {
    return await db.$transaction(async (tx) => {
      const open = await tx.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
      if (open) return { attemptId: open.id, resumed: true };
      // Checked again inside the write: a removal that landed since getVisibleQuiz wins.
      if (quiz.mode === "quiz" && quiz.classId) {
        const onRoster = await tx.classMember.count({ where: { classId: quiz.classId, userId: actor.id } });
        if (onRoster === 0) throw new AppError("not-found", serverText("quiz.refusal")("noQuiz"));
      }
      const count = await tx.quizAttempt.count({ where: { quizId, userId: actor.id } });
      if (count >= quiz.attemptsAllowed) throw new AppError("limit", serverText("quiz.refusal")("usedAll"));
      const number = count + 1;
      const drawn = drawAttempt(
        pool,
        {
          selection: quiz.selection === "random" ? "random" : "fixed",
          questionIds: fixedIds,
          perTopic: quiz.perTopic,
          totalCount: quiz.mode === "exam" ? quiz.perTopic : null,
          shuffleQuestions: quiz.shuffleQuestions,
          shuffleOptions: quiz.shuffleOptions,
        },
        seededRng(seedOf(`${quizId}:${actor.id}:${number}`)),
      );
      // The draw is reproducible from its seed; the option ids are not, so they say nothing.
      const items = drawn.map(withOptionIds);
      if (items.length === 0) throw new AppError("invalid", serverText("quiz.refusal")("noQuestions"));
      const created = await tx.quizAttempt.create({
        data: {
          quizId,
          userId: actor.id,
          number,
          openKey,
          items: JSON.stringify(items),
          startedAt: now,
          deadline,
          total: items.length,
        },
        select: { id: true },
      });
      return { attemptId: created.id, resumed: false };
    });
  } catch (error) {
    // A concurrent start won the unique openKey: resume the attempt it made.
    if ((error as { code?: string }).code === "P2002") {
      const open = await db.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
      if (open) return { attemptId: open.id, resumed: true };
    }
    throw error;
  }
}
