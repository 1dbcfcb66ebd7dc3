"use client";

import type { RefObject } from "react";
import { SanitizedHtml } from "@/components/ui/html";
import { textOfHtml } from "@/lib/bank/html-text";
import { type Draft, type Feedback, isMultiple, toggleKey } from "@/lib/study/draft";
import type { Confidence, QueueItem } from "@/lib/study/views";

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  guessed: "I guessed",
  sure: "Fairly sure",
  certain: "Certain (too easy)",
};

export function QuestionView({
  item,
  draft,
  onDraft,
  feedback,
  headingId,
  answerRef,
  disabled,
}: {
  item: QueueItem;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  feedback: Feedback | null;
  headingId: string;
  /** The typed-answer field, focused when the card is shown. */
  answerRef: RefObject<HTMLInputElement | null>;
  /** Until the page is hydrated nothing can be picked or typed. */
  disabled: boolean;
}) {
  const answered = feedback !== null;
  const name = `answer-${item.key}`;
  return (
    <div className="question">
      <SanitizedHtml className="prose question__stem" html={item.promptHtml} />
      {item.kind === "multiple" && item.chooseCount ? (
        <p className="question__hint">Choose {item.chooseCount}.</p>
      ) : null}

      {item.kind === "typed" ? (
        <div className="field">
          <label htmlFor={`${name}-typed`}>Your answer</label>
          <input
            id={`${name}-typed`}
            ref={answerRef}
            data-study-answer=""
            className="input"
            value={answered ? feedback.typed : draft.typed}
            onChange={(event) => onDraft({ ...draft, typed: event.target.value })}
            readOnly={answered}
            disabled={disabled}
            autoComplete="off"
            spellCheck={false}
          />
          {answered ? (
            <p className="question__accepted">Accepted: {item.accepted.map((a) => `“${a}”`).join(", ")}</p>
          ) : null}
        </div>
      ) : item.kind === "ordering" ? (
        <OrderingList item={item} draft={draft} onDraft={onDraft} feedback={feedback} disabled={disabled} />
      ) : (
        <fieldset className="options" aria-labelledby={headingId}>
          <legend className="visually-hidden">
            {isMultiple(item) ? "Choose all that apply" : "Choose one answer"}
          </legend>
          {item.options.map((option, index) => {
            const chosen = (answered ? feedback.keys : draft.keys).includes(option.key);
            const state = !answered ? "" : option.correct ? "is-right" : chosen ? "is-wrong" : "";
            return (
              <div key={option.key} className={`option ${state}`}>
                <input
                  type={isMultiple(item) ? "checkbox" : "radio"}
                  id={`${name}-${option.key}`}
                  name={name}
                  checked={chosen}
                  disabled={answered || disabled}
                  onChange={() => onDraft(toggleKey(item, draft, option.key))}
                />
                <label htmlFor={`${name}-${option.key}`}>
                  <span className="option__key" aria-hidden="true">
                    {index + 1}
                  </span>
                  <SanitizedHtml className="option__text" html={option.html} />
                  {answered && option.correct ? <span className="option__mark">✓ right answer</span> : null}
                  {answered && chosen && !option.correct ? (
                    <span className="option__mark">✗ your answer</span>
                  ) : null}
                </label>
                {answered && chosen && !option.correct && option.rationaleHtml ? (
                  <SanitizedHtml className="option__rationale prose" html={option.rationaleHtml} />
                ) : null}
              </div>
            );
          })}
        </fieldset>
      )}

      {!answered ? (
        <fieldset className="confidence">
          <legend>How sure are you?</legend>
          {(Object.keys(CONFIDENCE_LABELS) as Confidence[]).map((level) => (
            <label key={level} className="confidence__choice">
              <input
                type="radio"
                name={`${name}-confidence`}
                value={level}
                checked={draft.confidence === level}
                disabled={disabled}
                onChange={() => onDraft({ ...draft, confidence: level })}
              />
              {CONFIDENCE_LABELS[level]}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

function OrderingList({
  item,
  draft,
  onDraft,
  feedback,
  disabled,
}: {
  item: QueueItem;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  feedback: Feedback | null;
  disabled: boolean;
}) {
  const order = feedback ? feedback.order : draft.order;
  const byKey = new Map(item.options.map((o) => [o.key, o]));
  const move = (index: number, by: number) => {
    const next = [...order];
    const [taken] = next.splice(index, 1);
    if (taken === undefined) return;
    next.splice(index + by, 0, taken);
    onDraft({ ...draft, order: next });
  };
  return (
    <ol className="ordering" aria-label="Put these in order">
      {order.map((key, index) => {
        const option = byKey.get(key);
        if (!option) return null;
        const placedRight = feedback ? item.order?.[index] === key : null;
        return (
          <li
            key={key}
            className={`ordering__item ${placedRight === null ? "" : placedRight ? "is-right" : "is-wrong"}`}
          >
            <SanitizedHtml className="ordering__text" html={option.html} />
            {feedback ? (
              <span className="option__mark">
                {placedRight ? "✓ in place" : `✗ belongs at ${(item.order?.indexOf(key) ?? 0) + 1}`}
              </span>
            ) : (
              <span className="ordering__moves">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => move(index, -1)}
                  disabled={disabled || index === 0}
                  aria-label={`Move “${textOfHtml(option.html)}” up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => move(index, 1)}
                  disabled={disabled || index === order.length - 1}
                  aria-label={`Move “${textOfHtml(option.html)}” down`}
                >
                  ↓
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
