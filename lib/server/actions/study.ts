"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, storageUnavailable } from "@/lib/server/auth/action-result";
import type { AuthActionContext } from "@/lib/server/auth/auth-call";
import { currentActionContext } from "@/lib/server/auth/session";
import { isStorageUnavailable } from "@/lib/server/db";
import { boundedForm, boundedInput } from "./input-guard";
import { buryCore, loadMoreCore, reportCore, savePreferencesCore, suspendCore, undoCore } from "./study-core";

// The study page's server actions. Each resolves the acting user from the session, then runs its
// core (study-core.ts): zod → domain → data. Grading is idempotent by the browser's grading id.

/** Runs a core as the session's user; a database that cannot even be read is a typed refusal too. */
async function asCurrentUser<R>(core: (ctx: AuthActionContext) => Promise<R>) {
  let ctx: AuthActionContext;
  try {
    ctx = await currentActionContext();
  } catch (error) {
    if (isStorageUnavailable(error)) return storageUnavailable();
    throw error;
  }
  return core(ctx);
}

// Signed-in learners, for their own grades only.
export async function undoAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => undoCore(ctx, input));
  });
}

// Signed-in learners, for their own cards only.
export async function suspendAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => suspendCore(ctx, input));
  });
}

// Signed-in learners, for their own cards only.
export async function buryAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => buryCore(ctx, input));
  });
}

// Signed-in learners, for their own queue only.
export async function loadMoreAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => loadMoreCore(ctx, input));
  });
}

// Signed-in learners: a report about a question, kept for the bank's authors.
export async function reportAction(input: unknown) {
  return boundedInput([input], async () => {
    return asCurrentUser((ctx) => reportCore(ctx, input));
  });
}

// Signed-in learners, for their own preferences.
export async function savePreferencesAction(
  _previous: ActionResult<{ message: string }> | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await asCurrentUser((ctx) => savePreferencesCore(ctx, formData));
    if (result.ok) revalidatePath("/study");
    return result;
  });
}
