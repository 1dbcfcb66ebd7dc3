"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormField } from "@/components/account/form-field";
import { FormStatus } from "@/components/account/form-status";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { createClassAction } from "@/lib/server/actions/class";

/** Instructors: name a new class; the class page shows its join code and link. */
export function CreateClassForm() {
  const t = useTranslations("teach.classForm");
  const [state, formAction, isPending] = useActionState(createClassAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="teach-form">
      <FormField
        id="class-name"
        name="name"
        label={t("name")}
        maxLength={120}
        errors={failed?.fieldErrors?.name}
      />
      <FormStatus id="create-class-status" error={failed?.formError} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("create")}
      </button>
    </form>
  );
}
