"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, keepValues } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import {
  changePasswordCore,
  deleteAccountCore,
  type NextPage,
  signInCore,
  signOutCore,
  signUpCore,
} from "./account-core";
import { boundedForm } from "./input-guard";

// The account forms' server actions: each resolves who is acting from the session cookie, runs
// its core (account-core.ts), then revalidates and redirects.

// Anyone may call: creates an account and signs it in.
export async function signUp(_previous: ActionResult<NextPage> | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await signUpCore(await currentActionContext(), formData);
    if (!result.ok) return keepValues(result, formData, ["name", "email"]);
    revalidatePath("/", "layout");
    redirect(result.next);
  });
}

// Anyone may call: signs in with email and password (throttled per account and address).
export async function signIn(_previous: ActionResult<NextPage> | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await signInCore(await currentActionContext(), formData);
    if (!result.ok) return keepValues(result, formData, ["email"]);
    revalidatePath("/", "layout");
    redirect(result.next);
  });
}

// Anyone may call: ends the caller's own session, if any.
export async function signOut(): Promise<void> {
  const result = await signOutCore(await currentActionContext());
  if (!result.ok) throw new Error(result.formError ?? "Sign-out was refused");
  revalidatePath("/", "layout");
  redirect("/");
}

// Signed-in users, for their own account only.
export async function changePassword(
  _previous: ActionResult<{ message: string }> | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await changePasswordCore(await currentActionContext(), formData);
    if (result.ok) revalidatePath("/account");
    return result;
  });
}

// Signed-in users, for their own account only.
export async function deleteAccount(_previous: ActionResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await deleteAccountCore(await currentActionContext(), formData);
    if (!result.ok) return keepValues(result, formData, ["confirmEmail"]);
    revalidatePath("/", "layout");
    redirect("/sign-up?deleted=1");
  });
}
