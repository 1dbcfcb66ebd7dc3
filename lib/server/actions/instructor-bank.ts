"use server";

import { revalidatePath } from "next/cache";
import { currentActionContext } from "@/lib/server/auth/session";
import { type UploadResult, uploadBankCore } from "./instructor-bank-core";

// Instructors only: upload or paste a bank of their own (saved only when it has no error).
export async function uploadBankAction(_previous: UploadResult | null, formData: FormData) {
  const result = await uploadBankCore(await currentActionContext(), formData);
  if (result.ok) revalidatePath("/teach/banks");
  return result;
}
