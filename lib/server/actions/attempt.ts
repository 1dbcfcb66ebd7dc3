"use server";

import type { AuthActionContext } from "@/lib/server/auth/auth-call";
import { currentActionContext } from "@/lib/server/auth/session";
import { checkAnswerCore, startAttemptCore, submitAttemptCore } from "./attempt-core";
import { boundedInput } from "./input-guard";
import { refusingWhenStorageUnavailable } from "./storage-guard";

// The quiz runner's actions. Each resolves the acting user, then runs its core (attempt-core.ts).
// A full or read-only disk is a typed refusal that says nothing was saved, as for grading: the
// runner shows its message instead of a generic error, and every write is one transaction, so
// nothing is left half-written.
function asCurrentUser<R>(core: (ctx: AuthActionContext) => Promise<R>) {
  return refusingWhenStorageUnavailable("a quiz write", async () => core(await currentActionContext()));
}

// Signed-in learners, for quizzes of their classes or their own exams: start or resume an attempt.
export async function startAttemptAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => startAttemptCore(ctx, input));
  });
}

// Signed-in learners, for their own open attempts: submit (once).
export async function submitAttemptAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => submitAttemptCore(ctx, input));
  });
}

// Signed-in learners, for their own open attempt at a quiz with immediate feedback: check one answer.
export async function checkAnswerAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => checkAnswerCore(ctx, input));
  });
}
