"use server";

import { revalidatePath } from "next/cache";
import { currentActionContext } from "@/lib/server/auth/session";
import { boundedForm } from "./input-guard";
import {
  deleteBankCore,
  replaceBankCore,
  setBankVisibilityCore,
  type UploadResult,
  uploadBankCore,
} from "./instructor-bank-core";

// Instructors only: upload or paste a bank of their own (saved only when it has no error).
export async function uploadBankAction(_previous: UploadResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await uploadBankCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/teach/banks");
    return result;
  });
}

// Instructors only, for banks they own: upload a new version (nothing changes when it has an error).
export async function replaceBankAction(_previous: UploadResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await replaceBankCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/teach/banks");
    return result;
  });
}

type VisibilityResult = Awaited<ReturnType<typeof setBankVisibilityCore>>;

// Instructors only, for banks they own: publish it to everyone or make it private again.
export async function setBankVisibilityAction(_previous: VisibilityResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await setBankVisibilityCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/teach/banks");
    return result;
  });
}

type DeleteResult = Awaited<ReturnType<typeof deleteBankCore>>;

// Instructors only, for banks they own: delete it (refused while quizzes use its questions).
export async function deleteBankAction(_previous: DeleteResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await deleteBankCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/teach/banks");
    return result;
  });
}
