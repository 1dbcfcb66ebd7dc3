import "server-only";
import { answerKeyWithTranslations, checkAnswer } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptsWork, gradeItems, isOverdue, passes, SCALED_PASS, scaledScore } from "@/lib/quiz";
import { serverText } from "@/lib/server/i18n/server-text";
import type { ActingUser } from "../auth/acting-user";
import { assertStillOnRoster } from "./attempt-membership";
import { NO_ATTEMPT, questionsOf } from "./attempt-review";
import { readAttemptItems, readSavedAnswer } from "./json-columns";

// Finishing attempts: a learner's submit (once), and attempts that ran out, finished at their
// deadline whenever they are next read. Grading reads only what was saved.

/**
 * Finishes an open attempt and grades it from the saved answers, in one transaction. The claim
 * (`status: "open"` → finished) succeeds once: false when someone else finished it first.
 */
export async function finishAttempt(
  db: PrismaClient,
  attemptId: string,
  how: "submitted" | "expired",
  finishedAt: Date,
): Promise<boolean> {
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: { items: true, quiz: { select: { passMark: true, mode: true } } },
  });
  if (!attempt) return false;
  const items = readAttemptItems(attempt.items);
  const questions = await questionsOf(db, items);
  return db.$transaction(async (tx) => {
    // The claim comes first: it takes the attempt's row (PostgreSQL) or the write lock (SQLite), so
    // an autosave either landed before it and is graded, or comes after and finds the attempt closed.
    const claimed = await tx.quizAttempt.updateMany({
      where: { id: attemptId, status: "open" },
      data: { status: how, openKey: null, finishedAt },
    });
    if (claimed.count === 0) return false;
    const answers = await tx.attemptAnswer.findMany({ where: { attemptId } });
    const byQuestion = new Map(answers.map((a) => [a.questionId, readSavedAnswer(a.answer)]));
    const marked = items.map((item) => {
      const q = questions.get(item.questionId);
      const given = byQuestion.get(item.questionId) ?? null;
      // A typed answer in Korean counts when the question carries a Korean translation.
      const isCorrect =
        q && given
          ? checkAnswer(answerKeyWithTranslations(q.question, q.translations), given).isCorrect
          : false;
      return {
        questionId: item.questionId,
        topic: q?.topic ?? "unknown",
        domain: q?.domain ?? null,
        isCorrect,
      };
    });
    const grade = gradeItems(marked);
    const scaled = attempt.quiz.mode === "exam" ? scaledScore(grade.correct, grade.total) : null;
    await tx.quizAttempt.update({
      where: { id: attemptId },
      data: {
        correct: grade.correct,
        total: grade.total,
        score: grade.score,
        scaledScore: scaled,
        passed: scaled !== null ? scaled >= SCALED_PASS : passes(grade.score, attempt.quiz.passMark),
        breakdown: JSON.stringify(grade.breakdown),
      },
    });
    for (const m of marked) {
      if (byQuestion.has(m.questionId))
        await tx.attemptAnswer.update({
          where: { attemptId_questionId: { attemptId, questionId: m.questionId } },
          data: { isCorrect: m.isCorrect },
        });
    }
    return true;
  });
}

/** Finishes, at their deadlines, the open attempts that ran out (scoped by quiz, learner or class). */
export async function finishOverdue(
  db: PrismaClient,
  scope: { quizId?: string; userId?: string; classId?: string; attemptId?: string },
  now: Date,
): Promise<number> {
  const open = await db.quizAttempt.findMany({
    where: {
      status: "open",
      deadline: { not: null, lt: now },
      ...(scope.attemptId ? { id: scope.attemptId } : {}),
      ...(scope.quizId ? { quizId: scope.quizId } : {}),
      ...(scope.userId ? { userId: scope.userId } : {}),
      ...(scope.classId ? { quiz: { classId: scope.classId } } : {}),
    },
    select: { id: true, deadline: true },
  });
  let finished = 0;
  for (const attempt of open) {
    if (attempt.deadline && isOverdue(now, attempt.deadline))
      if (await finishAttempt(db, attempt.id, "expired", attempt.deadline)) finished += 1;
  }
  return finished;
}

/** Learners: submits their open attempt. A second submit gets a conflict; a late one is refused. */
export async function submitAttempt(db: PrismaClient, actor: ActingUser, attemptId: string, now: Date) {
  await assertStillOnRoster(db, actor, attemptId);
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId: actor.id },
    select: { status: true, deadline: true },
  });
  if (!attempt) throw NO_ATTEMPT();
  if (attempt.status !== "open")
    throw new AppError("conflict", serverText("quiz.refusal")("alreadySubmitted"));
  if (!acceptsWork(now, attempt.deadline)) {
    await finishOverdue(db, { attemptId }, now);
    throw new AppError("deadline", serverText("quiz.refusal")("submitDeadline"));
  }
  if (!(await finishAttempt(db, attemptId, "submitted", now)))
    throw new AppError("conflict", serverText("quiz.refusal")("alreadySubmitted"));
  return { attemptId };
}
