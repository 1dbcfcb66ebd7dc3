"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useSyncExternalStore } from "react";
import { FormField } from "@/components/account/form-field";
import { FormStatus } from "@/components/account/form-status";
import {
  QuestionFilters,
  type QuestionFilterValues,
  type TopicChoice,
} from "@/components/quiz/question-filters";
import { createQuizAction, updateQuizAction } from "@/lib/server/actions/quiz";
import "./quiz-builder.css";

export type BuilderQuestion = {
  id: string;
  title: string;
  /** The title's language: "en" for a question with no translation on a Korean page. */
  lang: string;
  topic: string;
  topicLabel: string;
  kind: string;
  difficulty: number;
};

/** A quiz's stored settings, as the edit form starts from them. */
export type QuizSettings = {
  title: string;
  filters: QuestionFilterValues;
  selection: "fixed" | "random";
  questionIds: string[];
  perTopic: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  timeLimitMinutes: number | null;
  /** An ISO instant, or "": the form shows it on the instructor's own clock. */
  opensAt: string;
  closesAt: string;
  attemptsAllowed: number;
  passMark: number;
  feedback: string;
};

const NEW_QUIZ: QuizSettings = {
  title: "",
  filters: { topics: [], tags: [], difficulties: [], kinds: [] },
  selection: "fixed",
  questionIds: [],
  perTopic: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  timeLimitMinutes: null,
  opensAt: "",
  closesAt: "",
  attemptsAllowed: 1,
  passMark: 70,
  feedback: "after-submit",
};

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local field shows it: the browser's own date and time. */
function localField(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The form's date fields hold the browser's wall-clock time; the server gets the instant (UTC ISO),
 * so "Opens 09:00" means 09:00 where the instructor is. A value that is not a date is sent as typed,
 * for the server to refuse beside the field.
 */
function datesAsInstants(data: FormData): void {
  for (const name of ["opensAt", "closesAt"]) {
    const value = data.get(name);
    if (typeof value !== "string" || value === "") continue;
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) data.set(name, date.toISOString());
  }
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="form-field__error">
      {errors.join(" ")}
    </p>
  ) : null;
}

/**
 * The quiz builder: title, which questions (a fixed list or N per topic), timing and rules. With
 * `edit`, it changes a quiz's settings; once learners have attempted it (`attempts` > 0) its
 * questions are locked, so every grade stands on the same questions.
 */
export function QuizBuilderForm({
  target,
  topics,
  tags,
  questions,
}: {
  target: { classId: string } | { quizId: string; attempts: number; initial: QuizSettings };
  topics: TopicChoice[];
  tags: string[];
  questions: BuilderQuestion[];
}) {
  const t = useTranslations("teach.builder");
  // i18n-keys: teach.builder.kind.*
  const kindLabel = (kind: string) =>
    t.has(`kind.${kind}` as "kind.single") ? t(`kind.${kind}` as "kind.single") : kind;
  const editing = "quizId" in target;
  const [state, formAction, isPending] = useActionState(editing ? updateQuizAction : createQuizAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const initial = editing ? target.initial : NEW_QUIZ;
  const locked = editing && target.attempts > 0;
  // Known only in the browser: the server renders the date fields empty, then they fill in.
  const zone = useSyncExternalStore<string | null>(never, browserZone, () => null);
  const yourTime = zone ? t("yourTimeIn", { zone: zone.replace(/_/g, " ") }) : t("yourTime");
  // Submitted without React's form reset, so a refused form keeps what the instructor typed.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    datesAsInstants(data);
    startTransition(() => formAction(data));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="teach-form quiz-builder">
      {editing ? (
        <input type="hidden" name="quizId" value={target.quizId} />
      ) : (
        <input type="hidden" name="classId" value={target.classId} />
      )}
      <FormField
        id="quiz-title"
        name="title"
        label={t("title")}
        maxLength={200}
        defaultValue={initial.title}
        errors={errors.title}
      />
      {locked ? (
        <p className="notice" id="quiz-selection-locked">
          {t("locked", { count: target.attempts })}
        </p>
      ) : (
        <>
          <fieldset>
            <legend>{t("questions")}</legend>
            <label className="check">
              <input
                type="radio"
                name="selection"
                value="fixed"
                defaultChecked={initial.selection === "fixed"}
              />{" "}
              {t("fixed")}
            </label>
            <label className="check">
              <input
                type="radio"
                name="selection"
                value="random"
                defaultChecked={initial.selection === "random"}
              />{" "}
              {t("random")}
            </label>
            <div className="form-field">
              <label htmlFor="quiz-per-topic">{t("perTopic")}</label>
              <input
                id="quiz-per-topic"
                name="perTopic"
                type="number"
                min={1}
                max={100}
                className="input"
                defaultValue={initial.perTopic ?? ""}
                aria-invalid={errors.perTopic ? true : undefined}
                aria-describedby={errors.perTopic ? "quiz-per-topic-error" : undefined}
              />
              <Errors id="quiz-per-topic-error" errors={errors.perTopic} />
            </div>
          </fieldset>
          <QuestionFilters
            legend={t("filters")}
            topics={topics}
            tags={tags}
            selected={initial.filters}
            errors={errors.filters}
          />
          <fieldset className="question-picker" aria-describedby="quiz-question-ids-error">
            <legend>{t("fixedList")}</legend>
            {questions.map((q) => (
              <label key={q.id} className="check">
                <input
                  type="checkbox"
                  name="questionId"
                  value={q.id}
                  defaultChecked={initial.questionIds.includes(q.id)}
                />{" "}
                {/* One flex item: the title and its details wrap as one text at 375 px. */}
                <span>
                  <span lang={q.lang}>{q.title}</span>{" "}
                  <span className="muted">
                    {t("questionMeta", {
                      topic: q.topicLabel,
                      kind: kindLabel(q.kind),
                      difficulty: q.difficulty,
                    })}
                  </span>
                </span>
              </label>
            ))}
            <Errors id="quiz-question-ids-error" errors={errors.questionIds} />
          </fieldset>
        </>
      )}
      <fieldset>
        <legend>{t("rules")}</legend>
        <label className="check">
          <input type="checkbox" name="shuffleQuestions" defaultChecked={initial.shuffleQuestions} />{" "}
          {t("shuffleQuestions")}
        </label>
        <label className="check">
          <input type="checkbox" name="shuffleOptions" defaultChecked={initial.shuffleOptions} />{" "}
          {t("shuffleOptions")}
        </label>
        <NumberField
          id="quiz-limit"
          name="timeLimitMinutes"
          label={t("timeLimit")}
          min={1}
          max={600}
          defaultValue={initial.timeLimitMinutes ?? ""}
          errors={errors.timeLimitMinutes}
        />
        <div className="form-field">
          <label htmlFor="quiz-opens">{t("opens", { time: yourTime })}</label>
          <input
            key={zone ?? "server"}
            id="quiz-opens"
            name="opensAt"
            type="datetime-local"
            className="input"
            defaultValue={zone ? localField(initial.opensAt) : ""}
            aria-invalid={errors.opensAt ? true : undefined}
            aria-describedby={errors.opensAt ? "quiz-opens-error" : undefined}
          />
          <Errors id="quiz-opens-error" errors={errors.opensAt} />
        </div>
        <div className="form-field">
          <label htmlFor="quiz-closes">{t("closes", { time: yourTime })}</label>
          <input
            key={zone ?? "server"}
            id="quiz-closes"
            name="closesAt"
            type="datetime-local"
            className="input"
            defaultValue={zone ? localField(initial.closesAt) : ""}
            aria-invalid={errors.closesAt ? true : undefined}
            aria-describedby={errors.closesAt ? "quiz-closes-error" : undefined}
          />
          <Errors id="quiz-closes-error" errors={errors.closesAt} />
        </div>
        <NumberField
          id="quiz-attempts"
          name="attemptsAllowed"
          label={t("attempts")}
          min={1}
          max={100}
          defaultValue={initial.attemptsAllowed}
          errors={errors.attemptsAllowed}
        />
        <NumberField
          id="quiz-pass"
          name="passMark"
          label={t("passMark")}
          min={0}
          max={100}
          defaultValue={initial.passMark}
          errors={errors.passMark}
        />
        <div className="form-field">
          <label htmlFor="quiz-feedback">{t("feedback")}</label>
          <select id="quiz-feedback" name="feedback" className="input" defaultValue={initial.feedback}>
            <option value="immediate">{t("feedbackImmediate")}</option>
            <option value="after-submit">{t("feedbackAfterSubmit")}</option>
            <option value="after-close">{t("feedbackAfterClose")}</option>
          </select>
          <Errors id="quiz-feedback-error" errors={errors.feedback} />
        </div>
        {editing ? <p className="muted">{t("openAttempts")}</p> : null}
      </fieldset>
      <FormStatus id="quiz-builder-status" error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {editing ? t("save") : t("create")}
      </button>
    </form>
  );
}

function NumberField({
  id,
  name,
  label,
  min,
  max,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  min: number;
  max: number;
  defaultValue: number | "";
  errors?: string[];
}) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="number"
        min={min}
        max={max}
        defaultValue={defaultValue}
        className="input"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      <Errors id={`${id}-error`} errors={errors} />
    </div>
  );
}
