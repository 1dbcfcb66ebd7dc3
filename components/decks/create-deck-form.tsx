"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus } from "@/components/account/form-status";
import { useFocusFirstError } from "@/components/account/use-focus-first-error";
import { createDeckAction } from "@/lib/server/actions/deck";
import { TextField } from "./text-field";

/** A new deck: a title and an optional description. The server opens the new deck's page. */
export function CreateDeckForm() {
  const t = useTranslations("decks.create");
  const [state, formAction, isPending] = useActionState(createDeckAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={form} action={formAction} noValidate className="deck-form" aria-label={t("form")}>
      <TextField
        id="deck-title"
        name="title"
        label={t("title")}
        maxLength={120}
        defaultValue={failed?.values?.title}
        errors={failed?.fieldErrors?.title}
      />
      <TextField
        id="deck-description"
        name="description"
        label={t("description")}
        rows={3}
        maxLength={1000}
        defaultValue={failed?.values?.description}
        errors={failed?.fieldErrors?.description}
      />
      <FormStatus id="deck-create-status" error={failed?.formError} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
