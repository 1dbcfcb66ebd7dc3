"use client";

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
        label="Type your email to confirm"
        type="email"
        autoComplete="off"
        hint={`Type ${email}. Your progress and history are deleted with the account, and this cannot be undone.`}
        defaultValue={failed?.values?.confirmEmail}
        errors={failed?.fieldErrors?.confirmEmail}
      />
      <FormStatus id="delete-account-status" error={failed?.formError} />
      <button type="submit" className="button button--danger" disabled={isPending}>
        Delete my account
      </button>
    </form>
  );
}
