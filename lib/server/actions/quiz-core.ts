import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  deleteQuizSchema,
  examInputSchema,
  QUIZ_FIELD_LABELS,
  quizFormObject,
  quizIdSchema,
  quizInputSchema,
} from "@/lib/quiz/schemas";
import { assertRole, assertSignedIn } from "@/lib/server/auth/acting-user";
import { failure, formFields, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { deleteQuiz, getManagedQuiz, storedSelection, updateQuiz } from "@/lib/server/data/quiz-manage";
import { createExam, createQuiz, duplicateQuiz } from "@/lib/server/data/quizzes";
import { serverText } from "@/lib/server/i18n/server-text";

/** Per-field messages, and a form message that names the fields to fix. */
function quizInvalid(error: z.ZodError) {
  const result = invalidInput(error);
  const names = Object.keys(result.fieldErrors ?? {}).map((field) => QUIZ_FIELD_LABELS[field] ?? field);
  return { ...result, formError: `Check ${names.join(", ")}.` };
}

/** The exam builder's fields say what they accept, in the language of the request. */
function examInvalid(error: z.ZodError) {
  const t = serverText("exam.refusal");
  const result = invalidInput(error);
  const words: Record<string, string> = {
    questionCount: t("questionCount"),
    timeLimitMinutes: t("timeLimitMinutes"),
    topics: t("topics"),
  };
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => [
      field,
      words[field] ? [words[field]] : messages,
    ]),
  );
  return { ...result, fieldErrors };
}

// The quiz builder's and the exam builder's action bodies.

/** Instructors, for classes they own: a new quiz. */
export async function createQuizCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ quizId: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = quizInputSchema.safeParse(quizFormObject(formData));
    if (!parsed.success) return quizInvalid(parsed.error);
    const created = await createQuiz(ctx.db, me, parsed.data);
    return { ok: true, quizId: created.id };
  });
}

/** Instructors, for quizzes they own: a copy in the same class. */
export async function duplicateQuizCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ quizId: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = quizIdSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await duplicateQuiz(ctx.db, me, parsed.data.quizId);
    return { ok: true, quizId: created.id };
  });
}

/** Signed-in learners: a practice exam of their own. */
export async function createExamCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ quizId: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = examInputSchema.safeParse({
      ...formFields(formData),
      topics: formData.getAll("topic").filter((v) => typeof v === "string"),
    });
    if (!parsed.success) return examInvalid(parsed.error);
    const created = await createExam(ctx.db, me, parsed.data);
    return { ok: true, quizId: created.id };
  });
}

/**
 * Instructors, for quizzes they own: new settings. Once anyone has attempted the quiz, the
 * submitted selection is ignored and the stored one kept (the form says so).
 */
export async function updateQuizCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ quizId: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const id = quizIdSchema.safeParse(formFields(formData));
    if (!id.success) return invalidInput(id.error);
    const managed = await getManagedQuiz(ctx.db, me, id.data.quizId);
    if (!managed?.quiz.classId) throw new AppError("not-found", "That quiz does not exist.");
    const submitted = { ...quizFormObject(formData), classId: managed.quiz.classId };
    const parsed = quizInputSchema.safeParse(
      managed.selectionLocked ? { ...submitted, ...storedSelection(managed.quiz) } : submitted,
    );
    if (!parsed.success) return quizInvalid(parsed.error);
    await updateQuiz(ctx.db, me, id.data.quizId, parsed.data);
    return { ok: true, quizId: id.data.quizId };
  });
}

/** Instructors, for quizzes they own: delete it and its attempts, after confirming how many. */
export async function deleteQuizCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ classId: string; attemptsDeleted: number }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = deleteQuizSchema.safeParse(formFields(formData));
    if (!parsed.success) {
      const result = invalidInput(parsed.error);
      return parsed.error.issues.some((i) => i.path[0] === "confirm")
        ? { ...result, formError: "Tick the box to confirm the deletion." }
        : failure("That quiz does not exist.");
    }
    return { ok: true, ...(await deleteQuiz(ctx.db, me, parsed.data.quizId, parsed.data.attempts)) };
  });
}
