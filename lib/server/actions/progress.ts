"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import { boundedForm } from "./input-guard";
import { saveExamDateCore } from "./progress-core";

// Signed-in learners, for their own exam date and target recall (both stored in StudySettings).
export async function saveExamDateAction(
  _previous: ActionResult<{ message: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await saveExamDateCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/progress");
    return result;
  });
}
