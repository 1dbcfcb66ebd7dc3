"use client";

import { useActionState } from "react";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { saveExamDateAction } from "@/lib/server/actions/progress";

/**
 * Sets (or clears) the exam date and saves the recall to aim for on it (StudySettings); errors
 * appear at their field, and the page's readiness and plan are redrawn with the saved values.
 */
export function ExamForm({ examDate, target }: { examDate: string; target: number }) {
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
            {label}: {error}
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
        "Exam date",
        "Leave empty to clear it.",
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
        "Target recall",
        "The share of cards you want to remember on the day (0.50–0.99).",
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
        {state ? (state.ok ? state.message : (state.formError ?? "Check the fields marked above.")) : ""}
      </p>
      <button type="submit" className="button button--primary" disabled={isPending}>
        Save exam date
      </button>
    </form>
  );
}
