import "server-only";
import { z } from "zod";
import { assertRole } from "@/lib/server/auth/acting-user";
import { type ActionResult, formFields, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { setAccountDisabled, setGrantedRole } from "@/lib/server/data/users";
import { serverText } from "@/lib/server/i18n/server-text";

// Admin actions on other people's accounts, with the acting user injected (account-admin.ts
// resolves it from the session). Every one refuses anyone who is not an admin.

const userId = z.string({ error: "Choose an account." }).trim().min(1, "Choose an account.").max(100);
const flag = z
  .enum(["true", "false"], { error: "Choose grant or revoke." })
  .transform((value) => value === "true");

const instructorSchema = z.object({ userId, grant: flag });
const disabledSchema = z.object({ userId, disabled: flag });

export type AdminChange = { message: string };

/** Admins grant or revoke the instructor role. */
export async function setInstructorRoleCore(
  ctx: ActionContext,
  formData: FormData,
): Promise<ActionResult<AdminChange>> {
  // An unknown account is an AppError ("There is no such account."), answered by `guarded`.
  return guarded(async () => {
    const admin = assertRole(ctx.actor, "admin");
    const parsed = instructorSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const changed = await setGrantedRole(ctx.db, admin, {
      userId: parsed.data.userId,
      role: "instructor",
      granted: parsed.data.grant,
    });
    const say = serverText("admin.changes");
    return {
      ok: true,
      message: say(parsed.data.grant ? "nowInstructor" : "noLongerInstructor", { name: changed.name }),
    };
  });
}

/** Admins disable an account (ending its sessions) or enable it again; never their own. */
export async function setAccountDisabledCore(
  ctx: ActionContext,
  formData: FormData,
): Promise<ActionResult<AdminChange>> {
  // An unknown account is an AppError ("There is no such account."), answered by `guarded`.
  return guarded(async () => {
    const admin = assertRole(ctx.actor, "admin");
    const parsed = disabledSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const changed = await setAccountDisabled(ctx.db, admin, {
      userId: parsed.data.userId,
      disabled: parsed.data.disabled,
    });
    const say = serverText("admin.changes");
    return { ok: true, message: say(changed.isDisabled ? "disabled" : "enabled", { name: changed.name }) };
  });
}
