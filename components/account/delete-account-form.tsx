"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { deleteAccount } from "@/lib/server/actions/account";
import { FormField } from "./form-field";
import { FormStatus } from "./form-status";
import { submitKeepingValues } from "./submit-keeping-values";
import { useFocusFirstError } from "./use-focus-first-error";

/** Deleting the account needs its email typed out, so it cannot happen by a stray click. */
export function DeleteAccountForm({ email }: { email: string }) {
  const [state, formAction, isPending] = useActionState(deleteAccount, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const failed = state && !state.ok ? state : null;
  const t = useTranslations("account.delete");
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      noValidate
      className="auth-form"
    >
      <FormField
        id="confirm-email"
        name="confirmEmail"
        label={t("label")}
        type="email"
        autoComplete="off"
        hint={t("hint", { email })}
        defaultValue={failed?.values?.confirmEmail}
        errors={failed?.fieldErrors?.confirmEmail}
      />
      <FormStatus id="delete-account-status" error={failed?.formError} />
      <button type="submit" className="button button--danger" disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
