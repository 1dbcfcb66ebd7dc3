"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult, RefusalFailure } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import { boundedForm } from "./input-guard";
import {
  createExamCore,
  createQuizCore,
  deleteQuizCore,
  duplicateQuizCore,
  updateQuizCore,
} from "./quiz-core";

type Created = ActionResult<{ quizId: string }> | RefusalFailure | null;

// Instructors only, for classes they own: a new quiz from the banks.
export async function createQuizAction(_previous: Created, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await createQuizCore(await currentActionContext(), formData);
    if (result.ok) redirect(`/quizzes/${result.quizId}/manage`);
    return result;
  });
}

// Instructors only, for quizzes they own: a copy in the same class.
export async function duplicateQuizAction(_previous: Created, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await duplicateQuizCore(await currentActionContext(), formData);
    if (result.ok) {
      revalidatePath("/classes");
      redirect(`/quizzes/${result.quizId}/manage`);
    }
    return result;
  });
}

// Instructors only, for quizzes they own: new settings (the questions only before any attempt).
export async function updateQuizAction(_previous: Created, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await updateQuizCore(await currentActionContext(), formData);
    if (result.ok) {
      revalidatePath(`/quizzes/${result.quizId}`, "layout");
      redirect(`/quizzes/${result.quizId}/manage`);
    }
    return result;
  });
}

type Deleted = ActionResult<{ classId: string; attemptsDeleted: number }> | RefusalFailure | null;

// Instructors only, for quizzes they own: delete the quiz and its attempts (confirmed).
export async function deleteQuizAction(_previous: Deleted, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await deleteQuizCore(await currentActionContext(), formData);
    if (result.ok) {
      revalidatePath(`/classes/${result.classId}`);
      redirect(`/classes/${result.classId}`);
    }
    return result;
  });
}

// Signed-in learners: a practice exam of their own.
export async function createExamAction(_previous: Created, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await createExamCore(await currentActionContext(), formData);
    if (result.ok) redirect(`/quizzes/${result.quizId}`);
    return result;
  });
}
