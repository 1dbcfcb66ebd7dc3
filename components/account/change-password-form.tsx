"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { changePassword } from "@/lib/server/actions/account";
import { FormField } from "./form-field";
import { FormStatus } from "./form-status";
import { submitKeepingValues } from "./submit-keeping-values";
import { useFocusFirstError } from "./use-focus-first-error";

/** Current and new password, sent to the changePassword action; other devices are signed out. */
export function ChangePasswordForm() {
  const [state, formAction, isPending] = useActionState(changePassword, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  // A refused change keeps what was typed; a done one clears both passwords.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const failed = state && !state.ok ? state : null;
  const t = useTranslations("account.password");
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      noValidate
      className="auth-form"
    >
      <FormField
        id="current-password"
        name="currentPassword"
        label={t("current")}
        type="password"
        autoComplete="current-password"
        errors={failed?.fieldErrors?.currentPassword}
      />
      <FormField
        id="new-password"
        name="newPassword"
        label={t("new")}
        type="password"
        autoComplete="new-password"
        hint={t("hint")}
        errors={failed?.fieldErrors?.newPassword}
      />
      <FormStatus
        id="change-password-status"
        error={failed?.formError}
        success={state?.ok ? state.message : undefined}
      />
      <button type="submit" className="button" disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
