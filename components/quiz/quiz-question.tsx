"use client";

import { SanitizedHtml } from "@/components/ui/html";
import type { GivenAnswer } from "@/lib/bank";
import type { RunnerItem } from "./types";

/** The keys chosen in an answer (choice kinds). */
export const chosenKeys = (answer: GivenAnswer | null) =>
  answer && answer.kind === "choice" ? answer.keys : [];

/** True when the learner has given some answer. */
export function isAnswered(answer: GivenAnswer | null): boolean {
  if (!answer) return false;
  if (answer.kind === "typed") return answer.text.trim() !== "";
  if (answer.kind === "true-false") return true;
  return answer.keys.length > 0;
}

/** One question of an attempt: stem and options only; radios, checkboxes or a text box. */
export function QuizQuestion({
  item,
  index,
  onAnswer,
}: {
  item: RunnerItem;
  index: number;
  onAnswer: (answer: GivenAnswer | null) => void;
}) {
  const keys = chosenKeys(item.answer);
  const name = `q-${item.questionId}`;
  const headingId = `${name}-heading`;
  return (
    <fieldset className="quiz-question" aria-labelledby={headingId}>
      <legend className="visually-hidden">Question {index + 1}</legend>
      <h2 id={headingId} className="quiz-question__title">
        <span className="muted">Question {index + 1}: </span>
        <SanitizedHtml className="quiz-question__title-text" html={item.titleHtml} />
      </h2>
      <SanitizedHtml className="prose" html={item.stemHtml} />
      {item.kind === "multiple" && item.chooseCount ? (
        <p className="muted">Choose {item.chooseCount}.</p>
      ) : null}
      {item.kind === "typed" ? (
        <div className="form-field">
          <label htmlFor={`${name}-typed`}>Your answer</label>
          <input
            id={`${name}-typed`}
            className="input"
            maxLength={500}
            autoComplete="off"
            defaultValue={item.answer?.kind === "typed" ? item.answer.text : ""}
            onChange={(e) => onAnswer({ kind: "typed", text: e.currentTarget.value })}
          />
        </div>
      ) : (
        <ul className="quiz-options">
          {item.options.map((option) => {
            const id = `${name}-${option.key}`;
            const multiple = item.kind === "multiple";
            return (
              <li key={option.key}>
                <input
                  id={id}
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={option.key}
                  checked={keys.includes(option.key)}
                  onChange={() => {
                    const next = multiple
                      ? keys.includes(option.key)
                        ? keys.filter((k) => k !== option.key)
                        : [...keys, option.key].sort()
                      : [option.key];
                    onAnswer({ kind: "choice", keys: next });
                  }}
                />
                <label htmlFor={id}>
                  <SanitizedHtml className="quiz-option__text" html={option.html} />
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
