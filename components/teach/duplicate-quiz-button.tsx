"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { duplicateQuizAction } from "@/lib/server/actions/quiz";

/** Copies a quiz (settings and questions, no attempts) into the same class. */
export function DuplicateQuizButton({ quizId }: { quizId: string }) {
  const t = useTranslations("teach.deleteQuiz");
  const [state, formAction, isPending] = useActionState(duplicateQuizAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="quizId" value={quizId} />
      <button type="submit" className="button" disabled={isPending}>
        {t("duplicate")}
      </button>
      {state && !state.ok ? (
        <span role="status" className="notice notice--error">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
