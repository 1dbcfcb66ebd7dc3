import "server-only";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import {
  type ActionResult,
  failure,
  formFields,
  guarded,
  invalidInput,
} from "@/lib/server/auth/action-result";
import { type AuthActionContext, type AuthCallResult, callAuthEndpoint } from "@/lib/server/auth/auth-call";
import { safeNextPath } from "@/lib/server/auth/origin";
import { newPasswordProblem } from "@/lib/server/auth/password-policy";
import { deleteOwnAccount } from "@/lib/server/data/users";
import { serverText } from "@/lib/server/i18n/server-text";
import { changePasswordSchema, deleteAccountSchema, signInSchema, signUpSchema } from "./account-schemas";

// The account actions' bodies, with the acting user and request injected (account.ts resolves
// them from the session; the role matrix passes its own). Order: who is acting → zod → domain →
// data; the wrapper revalidates and redirects.

/** Where to go after signing in or up. */
export type NextPage = { next: string };

type Throttled = "tooManySignUps" | "tooManySignIns" | "tooManyAttempts";

/** "Too many …. Try again in 3 minutes." (or "later" when the wait is not known). */
function throttled(result: AuthCallResult, what: Throttled): string {
  const minutes = result.retryAfterSeconds ? Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) : 0;
  return serverText("auth.refusals")(what, { minutes });
}

/** The refusal for a request another site made the browser send (better-auth's origin check). */
const foreignOrigin = () => serverText("auth.refusals")("foreignOrigin");

/** Anyone may sign up; the first account of a fresh install becomes admin and instructor. */
export async function signUpCore(
  ctx: AuthActionContext,
  formData: FormData,
): Promise<ActionResult<NextPage>> {
  const parsed = signUpSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { name, email, password } = parsed.data;
  if (ctx.actor) await callAuthEndpoint(ctx, "/sign-out", {});
  const result = await callAuthEndpoint(ctx, "/sign-up/email", { name, email, password });
  if (result.status === 200) return { ok: true, next: safeNextPath(parsed.data.next, "/") };
  if (result.status === 422 || result.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
    return failure(undefined, { email: [serverText("auth.refusals")("emailTaken")] });
  }
  if (result.status === 429) return failure(throttled(result, "tooManySignUps"));
  if (result.status === 403) return failure(foreignOrigin());
  if (result.status === 400) {
    const field =
      result.code === "INVALID_NAME"
        ? "name"
        : result.code === "INVALID_EMAIL"
          ? "email"
          : result.code?.startsWith("PASSWORD")
            ? "password"
            : null;
    // better-auth's message (or our hooks' name and password refusals), translated by `failure`.
    const message = result.message ?? serverText("auth.refusals")("checkField");
    return field ? failure(undefined, { [field]: [message] }) : failure(message);
  }
  throw new Error(`Sign-up answered ${result.status} ${result.code ?? ""}`);
}

/** Anyone may try to sign in; failures say nothing about whether the email has an account. */
export async function signInCore(
  ctx: AuthActionContext,
  formData: FormData,
): Promise<ActionResult<NextPage>> {
  const parsed = signInSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { email, password } = parsed.data;
  // A sign-in always starts a new session; the previous one, if any, is ended first.
  if (ctx.actor) await callAuthEndpoint(ctx, "/sign-out", {});
  const result = await callAuthEndpoint(ctx, "/sign-in/email", { email, password });
  if (result.status === 200) return { ok: true, next: safeNextPath(parsed.data.next, "/") };
  const say = serverText("auth.refusals");
  if (result.status === 401) return failure(say("wrongCredentials"));
  if (result.status === 429) return failure(throttled(result, "tooManySignIns"));
  if (result.status === 403 && result.code === "ACCOUNT_DISABLED") return failure(say("disabled"));
  if (result.status === 403) return failure(foreignOrigin());
  if (result.status === 400) return failure(undefined, { email: [say("badEmail")] });
  throw new Error(`Sign-in answered ${result.status} ${result.code ?? ""}`);
}

/** Signing out ends the caller's own session row on the server and clears the cookie. */
export async function signOutCore(ctx: AuthActionContext): Promise<ActionResult> {
  const result = await callAuthEndpoint(ctx, "/sign-out", {});
  if (result.status === 403) return failure(foreignOrigin());
  return { ok: true };
}

/** A signed-in user changes their own password; their other sessions are ended. */
export async function changePasswordCore(
  ctx: AuthActionContext,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  return guarded(async () => {
    const user = assertSignedIn(ctx.actor);
    const parsed = changePasswordSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const problem = newPasswordProblem(parsed.data.newPassword, { email: user.email, name: user.name });
    if (problem) return failure(undefined, { newPassword: [problem] });
    const result = await callAuthEndpoint(ctx, "/change-password", {
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      revokeOtherSessions: true,
    });
    const say = serverText("auth.refusals");
    if (result.status === 200) return { ok: true, message: say("passwordChanged") };
    if (result.code === "INVALID_PASSWORD") {
      return failure(undefined, { currentPassword: [say("currentPasswordWrong")] });
    }
    if (result.code === "PASSWORD_REFUSED")
      return failure(undefined, { newPassword: [result.message ?? ""] });
    if (result.status === 401) return failure(say("sessionEnded"));
    if (result.status === 429) return failure(throttled(result, "tooManyAttempts"));
    if (result.status === 403) return failure(foreignOrigin());
    throw new Error(`Change-password answered ${result.status} ${result.code ?? ""}`);
  });
}

/**
 * A signed-in user deletes their own account after typing its email. Deleting the user row
 * cascades to sessions, credentials, roles and progress; the cookie is then cleared.
 */
export async function deleteAccountCore(ctx: AuthActionContext, formData: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const user = assertSignedIn(ctx.actor);
    const parsed = deleteAccountSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    if (parsed.data.confirmEmail !== user.email.toLowerCase()) {
      return failure(undefined, {
        confirmEmail: [serverText("auth.refusals")("confirmEmail", { email: user.email })],
      });
    }
    await deleteOwnAccount(ctx.db, user);
    const { authCookies } = await ctx.auth.$context;
    const { name, attributes } = authCookies.sessionToken;
    ctx.cookies.set(name, "", {
      path: attributes.path ?? "/",
      secure: attributes.secure,
      httpOnly: true,
      sameSite: "lax",
      maxAge: 0,
    });
    return { ok: true };
  });
}
