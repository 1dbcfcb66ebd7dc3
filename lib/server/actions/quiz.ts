"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import { createExamCore, createQuizCore, duplicateQuizCore } from "./quiz-core";
import type { QuizFailure } from "./quiz-guard";

type Created = ActionResult<{ quizId: string }> | QuizFailure | null;

// Instructors only, for classes they own: a new quiz from the banks.
export async function createQuizAction(_previous: Created, formData: FormData) {
  const result = await createQuizCore(await currentActionContext(), formData);
  if (result.ok) redirect(`/quizzes/${result.quizId}/manage`);
  return result;
}

// Instructors only, for quizzes they own: a copy in the same class.
export async function duplicateQuizAction(_previous: Created, formData: FormData) {
  const result = await duplicateQuizCore(await currentActionContext(), formData);
  if (result.ok) {
    revalidatePath("/classes");
    redirect(`/quizzes/${result.quizId}/manage`);
  }
  return result;
}

// Signed-in learners: a practice exam of their own.
export async function createExamAction(_previous: Created, formData: FormData) {
  const result = await createExamCore(await currentActionContext(), formData);
  if (result.ok) redirect(`/quizzes/${result.quizId}`);
  return result;
}
