"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { SanitizedHtml } from "@/components/ui/html";
import { textOfHtml } from "@/lib/bank/html-text";
import { type Draft, type Feedback, isMultiple, toggleKey } from "@/lib/study/draft";
import type { Confidence, QueueItem } from "@/lib/study/views";

/** The confidence levels in the order offered; each is a key of `study.question`. */
const CONFIDENCE_LEVELS: Confidence[] = ["guessed", "sure", "certain"];

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
  const t = useTranslations("study.question");
  const answered = feedback !== null;
  const name = `answer-${item.key}`;
  return (
    <div className="question">
      <SanitizedHtml className="prose question__stem" html={item.promptHtml} lang={item.lang} />
      {item.kind === "multiple" && item.chooseCount ? (
        <p className="question__hint">{t("chooseCount", { count: item.chooseCount })}</p>
      ) : null}

      {item.kind === "typed" ? (
        <div className="field">
          <label htmlFor={`${name}-typed`}>{t("yourAnswer")}</label>
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
            <p className="question__accepted">
              {t("accepted", { answers: item.accepted.map((a) => `“${a}”`).join(", ") })}
            </p>
          ) : null}
        </div>
      ) : item.kind === "ordering" ? (
        <OrderingList item={item} draft={draft} onDraft={onDraft} feedback={feedback} disabled={disabled} />
      ) : (
        <fieldset className="options" aria-labelledby={headingId}>
          <legend className="visually-hidden">{isMultiple(item) ? t("chooseAll") : t("chooseOne")}</legend>
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
                  <SanitizedHtml className="option__text" html={option.html} lang={item.lang} />
                  {answered && option.correct ? (
                    <span className="option__mark">{t("rightAnswer")}</span>
                  ) : null}
                  {answered && chosen && !option.correct ? (
                    <span className="option__mark">{t("yourWrongAnswer")}</span>
                  ) : null}
                </label>
                {answered && chosen && !option.correct && option.rationaleHtml ? (
                  <SanitizedHtml
                    className="option__rationale prose"
                    html={option.rationaleHtml}
                    lang={item.lang}
                  />
                ) : null}
              </div>
            );
          })}
        </fieldset>
      )}

      {!answered ? (
        <fieldset className="confidence">
          <legend>{t("confidence")}</legend>
          {CONFIDENCE_LEVELS.map((level) => (
            <label key={level} className="confidence__choice">
              <input
                type="radio"
                name={`${name}-confidence`}
                value={level}
                checked={draft.confidence === level}
                disabled={disabled}
                onChange={() => onDraft({ ...draft, confidence: level })}
              />
              {t(level)}
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
  const t = useTranslations("study.question");
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
    <ol className="ordering" aria-label={t("order")}>
      {order.map((key, index) => {
        const option = byKey.get(key);
        if (!option) return null;
        const placedRight = feedback ? item.order?.[index] === key : null;
        return (
          <li
            key={key}
            className={`ordering__item ${placedRight === null ? "" : placedRight ? "is-right" : "is-wrong"}`}
          >
            <SanitizedHtml className="ordering__text" html={option.html} lang={item.lang} />
            {feedback ? (
              <span className="option__mark">
                {placedRight
                  ? t("inPlace")
                  : t("belongsAt", { position: (item.order?.indexOf(key) ?? 0) + 1 })}
              </span>
            ) : (
              <span className="ordering__moves">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => move(index, -1)}
                  disabled={disabled || index === 0}
                  aria-label={t("moveUp", { item: textOfHtml(option.html) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => move(index, 1)}
                  disabled={disabled || index === order.length - 1}
                  aria-label={t("moveDown", { item: textOfHtml(option.html) })}
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
