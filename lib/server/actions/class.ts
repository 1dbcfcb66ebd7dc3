"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import { createClassCore, joinClassCore, removeMemberCore } from "./class-core";
import { boundedForm } from "./input-guard";
import type { QuizFailure } from "./quiz-guard";

// Class actions for the /classes pages and /join.

// Instructors only: a new class they own.
export async function createClassAction(
  _previous: ActionResult<{ classId: string; joinCode: string }> | QuizFailure | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await createClassCore(await currentActionContext(), formData);
    if (result.ok) redirect(`/classes/${result.classId}`);
    return result;
  });
}

// Signed-in people: join the class whose code they enter.
export async function joinClassAction(
  _previous: ActionResult<{ classId: string; name: string }> | QuizFailure | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await joinClassCore(await currentActionContext(), formData);
    if (result.ok) redirect("/quizzes");
    return result;
  });
}

// Instructors only, for classes they own: remove a learner from the roster.
export async function removeMemberAction(_previous: ActionResult | QuizFailure | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await removeMemberCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath(`/classes/${String(formData.get("classId"))}`);
    return result;
  });
}
