"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { signUp } from "@/lib/server/actions/account";
import { FormField } from "./form-field";
import { FormStatus } from "./form-status";
import { submitKeepingValues } from "./submit-keeping-values";
import { useFocusFirstError } from "./use-focus-first-error";

/** Name, email and password, sent to the signUp action. */
export function SignUpForm({ next }: { next: string }) {
  const [state, formAction, isPending] = useActionState(signUp, null);
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
        id="sign-up-name"
        name="name"
        label={t("fields.name")}
        autoComplete="name"
        defaultValue={failed?.values?.name}
        errors={failed?.fieldErrors?.name}
        maxLength={100}
      />
      <FormField
        id="sign-up-email"
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
        maxLength={254}
      />
      <FormField
        id="sign-up-password"
        name="password"
        label={t("fields.password")}
        type="password"
        autoComplete="new-password"
        hint={t("signUp.passwordHint")}
        errors={failed?.fieldErrors?.password}
      />
      <FormStatus id="sign-up-status" error={failed?.formError} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {isPending ? t("signUp.pending") : t("signUp.submit")}
      </button>
    </form>
  );
}
