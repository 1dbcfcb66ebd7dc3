"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { deleteQuizAction } from "@/lib/server/actions/quiz";

/**
 * Deletes a quiz after a confirmation step that says how many attempts (and grades) go with it.
 * The server checks that number again, so a deletion never takes more than it said.
 */
export function DeleteQuizForm({
  quizId,
  title,
  attempts,
}: {
  quizId: string;
  title: string;
  attempts: number;
}) {
  const t = useTranslations("teach.deleteQuiz");
  const [state, formAction, isPending] = useActionState(deleteQuizAction, null);
  const [confirming, setConfirming] = useState(false);
  const what = attempts === 0 ? t("none") : t("some", { count: attempts });
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t("button")}
      </button>
    );
  return (
    <form action={formAction} className="teach-form card" aria-labelledby="delete-quiz-heading">
      <h3 id="delete-quiz-heading">{t("heading", { title })}</h3>
      <p>{t("cannotUndo", { what })}</p>
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="attempts" value={attempts} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required />{" "}
        {attempts === 0 ? t("confirm") : t("confirmWith", { count: attempts })}
      </label>
      <FormStatus id="delete-quiz-status" error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--danger" disabled={isPending}>
        {t("submit")}
      </button>{" "}
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        {t("keep")}
      </button>
    </form>
  );
}
