import "server-only";
import { assertRole, assertSignedIn } from "@/lib/server/auth/acting-user";
import { formFields, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { createExam, createQuiz, duplicateQuiz } from "@/lib/server/data/quizzes";
import { quizGuarded } from "./quiz-guard";
import { examInputSchema, quizFormObject, quizIdSchema, quizInputSchema } from "./quiz-schemas";

// The quiz builder's and the exam builder's action bodies.

/** Instructors, for classes they own: a new quiz. */
export async function createQuizCore(ctx: ActionContext, formData: FormData) {
  return quizGuarded<{ quizId: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = quizInputSchema.safeParse(quizFormObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await createQuiz(ctx.db, me, parsed.data);
    return { ok: true, quizId: created.id };
  });
}

/** Instructors, for quizzes they own: a copy in the same class. */
export async function duplicateQuizCore(ctx: ActionContext, formData: FormData) {
  return quizGuarded<{ quizId: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = quizIdSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await duplicateQuiz(ctx.db, me, parsed.data.quizId);
    return { ok: true, quizId: created.id };
  });
}

/** Signed-in learners: a practice exam of their own. */
export async function createExamCore(ctx: ActionContext, formData: FormData) {
  return quizGuarded<{ quizId: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = examInputSchema.safeParse({
      ...formFields(formData),
      topics: formData.getAll("topic").filter((v) => typeof v === "string"),
    });
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await createExam(ctx.db, me, parsed.data);
    return { ok: true, quizId: created.id };
  });
}
