"use server";

import { currentActionContext } from "@/lib/server/auth/session";
import { checkAnswerCore, saveAnswerCore, startAttemptCore, submitAttemptCore } from "./attempt-core";

// The quiz runner's actions. Each resolves the acting user, then runs its core (attempt-core.ts).

// Signed-in learners, for quizzes of their classes or their own exams: start or resume an attempt.
export async function startAttemptAction(input: unknown) {
  return startAttemptCore(await currentActionContext(), input);
}

// Signed-in learners, for their own open attempts: autosave one answer.
export async function saveAnswerAction(input: unknown) {
  return saveAnswerCore(await currentActionContext(), input);
}

// Signed-in learners, for their own open attempts: submit (once).
export async function submitAttemptAction(input: unknown) {
  return submitAttemptCore(await currentActionContext(), input);
}

// Signed-in learners, for their own open attempt at a quiz with immediate feedback: check one answer.
export async function checkAnswerAction(input: unknown) {
  return checkAnswerCore(await currentActionContext(), input);
}
