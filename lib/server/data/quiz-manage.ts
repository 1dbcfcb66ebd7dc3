import "server-only";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { attemptDeadline } from "@/lib/quiz";
import type { QuizInput } from "@/lib/quiz/schemas";
import type { ActingUser } from "../auth/acting-user";
import { readQuizQuestionIds } from "./json-columns";
import { getOwnedQuiz, type QuizRow, quizFilters, quizSelectionData, quizSettingsData } from "./quizzes";

// Managing a class quiz after it is built: its instructor edits the settings (the question
// selection only while nobody has attempted it, so every grade stands on the same questions) or
// deletes it with its attempts.

const NOT_FOUND = () => new AppError("not-found", "That quiz does not exist.");

/**
 * The instructor's class quiz with how many attempts it has and its fixed question list; null for
 * anyone else.
 */
export async function getManagedQuiz(db: PrismaClient, actor: ActingUser, quizId: string) {
  const quiz = await getOwnedQuiz(db, actor, quizId);
  if (quiz?.mode !== "quiz" || !quiz.classId) return null;
  const attempts = await db.quizAttempt.count({ where: { quizId } });
  return {
    quiz,
    attempts,
    selectionLocked: attempts > 0,
    questionIds: readQuizQuestionIds(quiz.questionIds),
  };
}

/** The stored selection as the builder's input has it (used when the selection is locked). */
export function storedSelection(quiz: QuizRow) {
  return {
    filters: quizFilters(quiz),
    selection: quiz.selection === "random" ? ("random" as const) : ("fixed" as const),
    questionIds: readQuizQuestionIds(quiz.questionIds),
    perTopic: quiz.perTopic,
  };
}

/**
 * The quiz's instructor: new settings. The selection (filters, fixed list, per-topic count) changes
 * only while the quiz has no attempt; open attempts take the new time limit and close date.
 */
export async function updateQuiz(
  db: PrismaClient,
  actor: ActingUser,
  quizId: string,
  input: Omit<QuizInput, "classId">,
): Promise<{ selectionLocked: boolean }> {
  const managed = await getManagedQuiz(db, actor, quizId);
  if (!managed) throw NOT_FOUND();
  const settings = quizSettingsData(input);
  const selection = quizSelectionData(input);
  const stored = managed.quiz;
  const selectionChanged =
    selection.filters !== JSON.stringify(quizFilters(stored)) ||
    selection.selection !== stored.selection ||
    selection.questionIds !== stored.questionIds ||
    selection.perTopic !== stored.perTopic;
  return db.$transaction(async (tx) => {
    await tx.quiz.update({ where: { id: quizId }, data: settings });
    if (selectionChanged) {
      // Only while nobody has attempted it: an attempt that started meanwhile wins.
      const changed = await tx.quiz.updateMany({
        where: { id: quizId, attempts: { none: {} } },
        data: selection,
      });
      if (changed.count === 0)
        throw new AppError(
          "locked",
          "Learners have attempted this quiz, so its questions can no longer change. Duplicate it to ask other questions.",
        );
    }
    const open = await tx.quizAttempt.findMany({
      where: { quizId, status: "open" },
      select: { id: true, startedAt: true },
    });
    for (const attempt of open)
      await tx.quizAttempt.update({
        where: { id: attempt.id },
        data: { deadline: attemptDeadline(attempt.startedAt, settings.timeLimitMinutes, settings.closesAt) },
      });
    return { selectionLocked: managed.selectionLocked };
  });
}

/**
 * The quiz's instructor: deletes the quiz and every attempt at it (grades included). The number of
 * attempts the instructor confirmed must still be right, so a deletion never takes more than it said.
 */
export async function deleteQuiz(
  db: PrismaClient,
  actor: ActingUser,
  quizId: string,
  confirmedAttempts: number,
): Promise<{ classId: string; attemptsDeleted: number }> {
  const managed = await getManagedQuiz(db, actor, quizId);
  if (!managed?.quiz.classId) throw NOT_FOUND();
  const classId = managed.quiz.classId;
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.count({ where: { quizId } });
    if (attempts !== confirmedAttempts)
      throw new AppError(
        "conflict",
        `This quiz now has ${attempts} ${attempts === 1 ? "attempt" : "attempts"}: confirm again to delete them with it.`,
      );
    await tx.quiz.delete({ where: { id: quizId } });
    return { classId, attemptsDeleted: attempts };
  });
}
