import "server-only";
import { attemptIdSchema, checkAnswerSchema, quizIdSchema, saveAnswerSchema } from "@/lib/quiz/schemas";
import type { ReviewItem } from "@/lib/quiz/views";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import { guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { checkQuestion } from "@/lib/server/data/attempt-check";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/server/data/attempts";
import { serverLocale } from "@/lib/server/i18n/server-text";

// The attempt actions' bodies. `now` is an argument so tests can move the clock.

/** Signed-in learners, for quizzes of their classes (or their own exams): start or resume. */
export async function startAttemptCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return guarded<{ attemptId: string; resumed: boolean }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = quizIdSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return { ok: true, ...(await startAttempt(ctx.db, me, parsed.data.quizId, now)) };
  });
}

/** Signed-in learners, for their own open attempts: save one answer (idempotent per question and seq). */
export async function saveAnswerCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return guarded<{ saved: boolean }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = saveAnswerSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return { ok: true, ...(await saveAnswer(ctx.db, me, parsed.data, now)) };
  });
}

/** Signed-in learners, for their own open attempts: submit once. */
export async function submitAttemptCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return guarded<{ attemptId: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = attemptIdSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return { ok: true, ...(await submitAttempt(ctx.db, me, parsed.data.attemptId, now)) };
  });
}

/** Signed-in learners, for their own open attempt at a quiz with immediate feedback: check (and lock) one answer. */
export async function checkAnswerCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return guarded<{ feedback: ReviewItem }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = checkAnswerSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return { ok: true, feedback: await checkQuestion(ctx.db, me, parsed.data, now, serverLocale()) };
  });
}
