"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { deleteBankAction, setBankVisibilityAction } from "@/lib/server/actions/instructor-bank";

/** Publish an own bank (every instructor's quizzes and learners' study) or make it private again. */
export function BankVisibilityForm({ bankId, visibility }: { bankId: string; visibility: string }) {
  const t = useTranslations("teach.visibility");
  const [state, formAction, isPending] = useActionState(setBankVisibilityAction, null);
  const published = visibility === "published";
  let success: string | undefined;
  if (state?.ok)
    success =
      state.visibility === "published"
        ? t("publishedNow")
        : state.othersUsing > 0
          ? t("privateInUse", { count: state.othersUsing })
          : t("privateNow");
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="bankId" value={bankId} />
      <input type="hidden" name="visibility" value={published ? "private" : "published"} />
      <button type="submit" className="button" disabled={isPending}>
        {published ? t("makePrivate") : t("publish")}
      </button>
      <FormStatus
        id={`visibility-${bankId}`}
        error={state && !state.ok ? state.formError : undefined}
        success={success}
      />
    </form>
  );
}

/**
 * Delete an own bank after a confirmation. The server refuses while a quiz lists its questions or
 * has attempts that drew them, and says which.
 */
export function DeleteBankForm({ bankId, title }: { bankId: string; title: string }) {
  const t = useTranslations("teach.deleteBank");
  const [state, formAction, isPending] = useActionState(deleteBankAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t("button")}
      </button>
    );
  return (
    <form action={formAction} className="teach-form card" aria-label={t("form", { title })}>
      <p>{t("question", { title })}</p>
      <input type="hidden" name="bankId" value={bankId} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> {t("confirm")}
      </label>
      <FormStatus id={`delete-${bankId}`} error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--danger" disabled={isPending}>
        {t("submit")}
      </button>{" "}
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        {t("keep")}
      </button>
    </form>
  );
}
