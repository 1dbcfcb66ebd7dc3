"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import { saveExamDateCore } from "./progress-core";

// Signed-in learners, for their own exam date.
export async function saveExamDateAction(
  _previous: ActionResult<{ message: string; target: number }> | null,
  formData: FormData,
) {
  const result = await saveExamDateCore(await currentActionContext(), formData);
  if (!result.ok) return result;
  revalidatePath("/progress");
  // The target recall is not stored (StudySettings has no column for it): it travels in the URL.
  redirect(`/progress?target=${result.target}#readiness`);
}
