"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult, RefusalFailure } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import {
  blockMemberCore,
  createClassCore,
  joinClassCore,
  removeMemberCore,
  rotateJoinCodeCore,
  unblockMemberCore,
} from "./class-core";
import { boundedForm } from "./input-guard";

// Class actions for the /classes pages and /join.

// Instructors only: a new class they own.
export async function createClassAction(
  _previous: ActionResult<{ classId: string; joinCode: string }> | RefusalFailure | null,
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
  _previous: ActionResult<{ classId: string; name: string }> | RefusalFailure | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await joinClassCore(await currentActionContext(), formData);
    // The quizzes page names the class just joined (it checks the roster, not the address).
    if (result.ok) redirect(`/quizzes?joined=${encodeURIComponent(result.classId)}`);
    return result;
  });
}

// Instructors only, for classes they own: remove a learner from the roster (confirmed).
export async function removeMemberAction(
  _previous: ActionResult | RefusalFailure | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await removeMemberCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath(`/classes/${String(formData.get("classId"))}`);
    return result;
  });
}

// Instructors only, for classes they own: remove a learner and block them from rejoining (confirmed).
export async function blockMemberAction(_previous: ActionResult | RefusalFailure | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await blockMemberCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath(`/classes/${String(formData.get("classId"))}`);
    return result;
  });
}

// Instructors only, for classes they own: let a blocked person join again.
export async function unblockMemberAction(
  _previous: ActionResult | RefusalFailure | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await unblockMemberCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath(`/classes/${String(formData.get("classId"))}`);
    return result;
  });
}

// Instructors only, for classes they own: replace the join code (the old code and link stop working).
export async function rotateJoinCodeAction(
  _previous: ActionResult<{ joinCode: string }> | RefusalFailure | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await rotateJoinCodeCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath(`/classes/${String(formData.get("classId"))}`);
    return result;
  });
}
