"use client";

import { useActionState } from "react";
import { FormField } from "@/components/account/form-field";
import { FormStatus } from "@/components/account/form-status";
import { createQuizAction } from "@/lib/server/actions/quiz";

type Choice = { value: string; label: string };
export type BuilderQuestion = { id: string; title: string; topic: string; kind: string; difficulty: number };

const KIND_LABELS: Choice[] = [
  { value: "single", label: "Single choice" },
  { value: "multiple", label: "Multiple choice" },
  { value: "true-false", label: "True or false" },
  { value: "typed", label: "Typed answer" },
  { value: "ordering", label: "Put in order" },
];

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="form-field__error">
      {errors.join(" ")}
    </p>
  ) : null;
}

/** The quiz builder: class, title, which questions (a fixed list or N per topic), timing and rules. */
export function QuizBuilderForm({
  classId,
  topics,
  tags,
  questions,
}: {
  classId: string;
  topics: Choice[];
  tags: string[];
  questions: BuilderQuestion[];
}) {
  const [state, formAction, isPending] = useActionState(createQuizAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} noValidate className="teach-form">
      <input type="hidden" name="classId" value={classId} />
      <FormField id="quiz-title" name="title" label="Quiz title" maxLength={200} errors={errors.title} />
      <fieldset>
        <legend>Questions</legend>
        <label className="check">
          <input type="radio" name="selection" value="fixed" defaultChecked /> A fixed list (choose below)
        </label>
        <label className="check">
          <input type="radio" name="selection" value="random" /> A random draw per topic, from the filters
        </label>
        <div className="form-field">
          <label htmlFor="quiz-per-topic">Questions per topic (random draw)</label>
          <input id="quiz-per-topic" name="perTopic" type="number" min={1} max={100} className="input" />
          <Errors id="quiz-per-topic-error" errors={errors.perTopic} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Filters for the random draw</legend>
        {topics.map((t) => (
          <label key={t.value} className="check">
            <input type="checkbox" name="topic" value={t.value} /> {t.label}
          </label>
        ))}
        <div className="form-field">
          <label htmlFor="quiz-tag">Tag</label>
          <select id="quiz-tag" name="tag" className="input" defaultValue="">
            <option value="">Any tag</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div>
          Difficulty:{" "}
          {[1, 2, 3, 4, 5].map((d) => (
            <label key={d} className="check">
              <input type="checkbox" name="difficulty" value={d} /> {d}
            </label>
          ))}
        </div>
        <div>
          Kinds:{" "}
          {KIND_LABELS.map((k) => (
            <label key={k.value} className="check">
              <input type="checkbox" name="kind" value={k.value} /> {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="question-picker" aria-describedby="quiz-question-ids-error">
        <legend>Fixed list</legend>
        {questions.map((q) => (
          <label key={q.id} className="check">
            <input type="checkbox" name="questionId" value={q.id} /> {q.title}{" "}
            <span className="muted">
              ({q.topic}, {q.kind}, difficulty {q.difficulty})
            </span>
          </label>
        ))}
        <Errors id="quiz-question-ids-error" errors={errors.questionIds} />
      </fieldset>
      <fieldset>
        <legend>Rules</legend>
        <label className="check">
          <input type="checkbox" name="shuffleQuestions" /> Shuffle questions
        </label>
        <label className="check">
          <input type="checkbox" name="shuffleOptions" /> Shuffle options
        </label>
        <div className="form-field">
          <label htmlFor="quiz-limit">Time limit in minutes (empty: none)</label>
          <input id="quiz-limit" name="timeLimitMinutes" type="number" min={1} max={600} className="input" />
          <Errors id="quiz-limit-error" errors={errors.timeLimitMinutes} />
        </div>
        <div className="form-field">
          <label htmlFor="quiz-opens">Opens (UTC)</label>
          <input id="quiz-opens" name="opensAt" type="datetime-local" className="input" />
          <Errors id="quiz-opens-error" errors={errors.opensAt} />
        </div>
        <div className="form-field">
          <label htmlFor="quiz-closes">Closes (UTC)</label>
          <input id="quiz-closes" name="closesAt" type="datetime-local" className="input" />
          <Errors id="quiz-closes-error" errors={errors.closesAt} />
        </div>
        <div className="form-field">
          <label htmlFor="quiz-attempts">Attempts allowed</label>
          <input
            id="quiz-attempts"
            name="attemptsAllowed"
            type="number"
            min={1}
            max={100}
            defaultValue={1}
            className="input"
          />
          <Errors id="quiz-attempts-error" errors={errors.attemptsAllowed} />
        </div>
        <div className="form-field">
          <label htmlFor="quiz-pass">Pass mark (%)</label>
          <input
            id="quiz-pass"
            name="passMark"
            type="number"
            min={0}
            max={100}
            defaultValue={70}
            className="input"
          />
          <Errors id="quiz-pass-error" errors={errors.passMark} />
        </div>
        <div className="form-field">
          <label htmlFor="quiz-feedback">Show answers and explanations</label>
          <select id="quiz-feedback" name="feedback" className="input" defaultValue="after-submit">
            <option value="immediate">Immediately (per question: checking an answer locks it)</option>
            <option value="after-submit">After submitting</option>
            <option value="after-close">After the close date</option>
          </select>
        </div>
      </fieldset>
      <FormStatus id="quiz-builder-status" error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--primary" disabled={isPending}>
        Create quiz
      </button>
    </form>
  );
}
