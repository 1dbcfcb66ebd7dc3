"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { signIn } from "@/lib/server/actions/account";
import { FormField } from "./form-field";
import { FormStatus } from "./form-status";
import { submitKeepingValues } from "./submit-keeping-values";
import { useFocusFirstError } from "./use-focus-first-error";

/** Email and password, sent to the signIn action; refusals appear at the fields and are announced. */
export function SignInForm({ next }: { next: string }) {
  const [state, formAction, isPending] = useActionState(signIn, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const failed = state && !state.ok ? state : null;
  const t = useTranslations("auth");
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      noValidate
      className="auth-form"
    >
      <input type="hidden" name="next" value={next} />
      <FormField
        id="sign-in-email"
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
        maxLength={254}
      />
      <FormField
        id="sign-in-password"
        name="password"
        label={t("fields.password")}
        type="password"
        autoComplete="current-password"
        errors={failed?.fieldErrors?.password}
      />
      <FormStatus id="sign-in-status" error={failed?.formError} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {isPending ? t("signIn.pending") : t("signIn.submit")}
      </button>
    </form>
  );
}
