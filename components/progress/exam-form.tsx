"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { saveExamDateAction } from "@/lib/server/actions/progress";

/**
 * Sets (or clears) the exam date and saves the recall to aim for on it (StudySettings); errors
 * appear at their field, and the page's readiness and plan are redrawn with the saved values.
 */
export function ExamForm({ examDate, target }: { examDate: string; target: number }) {
  const t = useTranslations("progress.exam");
  const [state, action, isPending] = useActionState(saveExamDateAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: "examDate" | "targetRecall", label: string, hint: string, input: React.ReactNode) => {
    const error = errors[name]?.[0];
    return (
      <div className="field">
        <label htmlFor={`exam-${name}`}>{label}</label>
        {input}
        <p id={`exam-${name}-hint`} className="muted field-hint">
          {hint}
        </p>
        {error ? (
          <p id={`exam-${name}-error`} className="field-error">
            {t("fieldError", { field: label, error })}
          </p>
        ) : null}
      </div>
    );
  };
  const described = (name: string) => `exam-${name}-hint${errors[name]?.[0] ? ` exam-${name}-error` : ""}`;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="exam-form" noValidate>
      {field(
        "examDate",
        t("date"),
        t("dateHint"),
        <input
          id="exam-examDate"
          name="examDate"
          type="date"
          className="input"
          defaultValue={examDate}
          aria-invalid={errors.examDate ? true : undefined}
          aria-describedby={described("examDate")}
        />,
      )}
      {field(
        "targetRecall",
        t("target"),
        t("targetHint"),
        <input
          id="exam-targetRecall"
          name="targetRecall"
          type="number"
          step="0.01"
          min="0.5"
          max="0.99"
          inputMode="decimal"
          className="input"
          defaultValue={String(target)}
          aria-invalid={errors.targetRecall ? true : undefined}
          aria-describedby={described("targetRecall")}
        />,
      )}
      <p aria-live="polite" className={state && !state.ok ? "field-error" : "muted"}>
        {state ? (state.ok ? state.message : (state.formError ?? t("checkFields"))) : ""}
      </p>
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("save")}
      </button>
    </form>
  );
}
