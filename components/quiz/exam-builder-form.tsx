"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { createExamAction } from "@/lib/server/actions/quiz";
import { QuestionFilters } from "./question-filters";

/** A learner's own practice exam: topics, number of questions and time (an associate exam by default). */
export function ExamBuilderForm({
  topics,
}: {
  topics: Array<{ value: string; label: string; count: number }>;
}) {
  const t = useTranslations("exam.builder");
  const [state, formAction, isPending] = useActionState(createExamAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="teach-form">
      <QuestionFilters legend={t("topics")} topics={topics} errors={errors.topics} />
      <div className="form-field">
        <label htmlFor="exam-count">{t("questions")}</label>
        <input
          id="exam-count"
          name="questionCount"
          type="number"
          min={1}
          max={200}
          defaultValue={65}
          className="input"
        />
        {errors.questionCount ? <p className="form-field__error">{errors.questionCount.join(" ")}</p> : null}
      </div>
      <div className="form-field">
        <label htmlFor="exam-minutes">{t("minutes")}</label>
        <input
          id="exam-minutes"
          name="timeLimitMinutes"
          type="number"
          min={1}
          max={600}
          defaultValue={130}
          className="input"
        />
        {errors.timeLimitMinutes ? (
          <p className="form-field__error">{errors.timeLimitMinutes.join(" ")}</p>
        ) : null}
      </div>
      <FormStatus id="exam-status" error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("build")}
      </button>
    </form>
  );
}
