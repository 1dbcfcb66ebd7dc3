"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import { type AdminChange, setAccountDisabledCore, setInstructorRoleCore } from "./account-admin-core";
import { boundedForm } from "./input-guard";

// The admin page's server actions: who is acting comes from the session cookie; the cores in
// account-admin-core.ts refuse anyone who is not an admin.

// Admins only: grant or revoke the instructor role.
export async function setInstructorRole(_previous: ActionResult<AdminChange> | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await setInstructorRoleCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/admin");
    return result;
  });
}

// Admins only, never on their own account: disable (ending its sessions) or enable an account.
export async function setAccountDisabled(_previous: ActionResult<AdminChange> | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await setAccountDisabledCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/admin");
    return result;
  });
}
