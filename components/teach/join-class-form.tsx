"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormField } from "@/components/account/form-field";
import { FormStatus } from "@/components/account/form-status";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { joinClassAction } from "@/lib/server/actions/class";

/** Joins the class with a code: typed in, or fixed by the /join/<code> link. */
export function JoinClassForm({ code }: { code?: string }) {
  const t = useTranslations("teach.classForm");
  const [state, formAction, isPending] = useActionState(joinClassAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="teach-form">
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <FormField
          id="join-code"
          name="code"
          label={t("code")}
          maxLength={16}
          errors={failed?.fieldErrors?.code}
        />
      )}
      <FormStatus id="join-class-status" error={failed?.formError} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("join")}
      </button>
    </form>
  );
}
