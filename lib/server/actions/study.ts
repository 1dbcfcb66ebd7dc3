"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import {
  buryCore,
  gradeCore,
  loadMoreCore,
  reportCore,
  savePreferencesCore,
  suspendCore,
  undoCore,
} from "./study-core";

// The study page's server actions. Each resolves the acting user from the session, then runs its
// core (study-core.ts): zod → domain → data. Grading is idempotent by the browser's grading id.

// Signed-in learners, for their own cards only.
export async function gradeAction(input: unknown) {
  return gradeCore(await currentActionContext(), input);
}

// Signed-in learners, for their own grades only.
export async function undoAction(input: unknown) {
  return undoCore(await currentActionContext(), input);
}

// Signed-in learners, for their own cards only.
export async function suspendAction(input: unknown) {
  return suspendCore(await currentActionContext(), input);
}

// Signed-in learners, for their own cards only.
export async function buryAction(input: unknown) {
  return buryCore(await currentActionContext(), input);
}

// Signed-in learners, for their own queue only.
export async function loadMoreAction(input: unknown) {
  return loadMoreCore(await currentActionContext(), input);
}

// Signed-in learners: a report about a question, kept for the bank's authors.
export async function reportAction(input: unknown) {
  return reportCore(await currentActionContext(), input);
}

// Signed-in learners, for their own preferences.
export async function savePreferencesAction(
  _previous: ActionResult<{ message: string }> | null,
  formData: FormData,
) {
  const result = await savePreferencesCore(await currentActionContext(), formData);
  if (result.ok) revalidatePath("/study");
  return result;
}
