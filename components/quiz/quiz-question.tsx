"use client";

import { useTranslations } from "next-intl";
import { SanitizedHtml } from "@/components/ui/html";
import { ShowOriginal } from "@/components/ui/show-original";
import type { GivenAnswer } from "@/lib/bank";
import { textOfHtml } from "@/lib/bank/html-text";
import type { RunnerItem } from "@/lib/quiz/views";

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

/**
 * The answer after choosing one option: the only choice of a single or true/false question, or
 * ticking/unticking it in a multiple-answer question (keys kept sorted).
 */
export function choose(item: RunnerItem, key: string): GivenAnswer {
  const keys = chosenKeys(item.answer);
  if (item.kind !== "multiple") return { kind: "choice", keys: [key] };
  return { kind: "choice", keys: keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key].sort() };
}

/** An ordering answer's keys: the learner's order, or the order the items were drawn in. */
const orderOf = (item: RunnerItem) =>
  item.answer?.kind === "ordering" ? item.answer.keys : item.options.map((o) => o.key);

/**
 * One question of an attempt: stem and options only; radios, checkboxes, a text box, or a list
 * to put in order. `locked`: the answer was checked and can no longer change.
 */
export function QuizQuestion({
  item,
  index,
  onAnswer,
  locked = false,
}: {
  item: RunnerItem;
  index: number;
  onAnswer: (answer: GivenAnswer | null) => void;
  locked?: boolean;
}) {
  const t = useTranslations("quiz.question");
  const keys = chosenKeys(item.answer);
  const name = `q-${item.questionId}`;
  const headingId = `${name}-heading`;
  return (
    <fieldset className="quiz-question" aria-labelledby={headingId}>
      <legend className="visually-hidden">{t("legend", { number: index + 1 })}</legend>
      <h2 id={headingId} className="quiz-question__title" tabIndex={-1}>
        <span className="muted">{t("number", { number: index + 1 })} </span>
        <SanitizedHtml className="quiz-question__title-text" html={item.titleHtml} lang={item.lang} />
      </h2>
      <SanitizedHtml className="prose" html={item.stemHtml} lang={item.lang} />
      <ShowOriginal original={item.original} lang={item.lang} />
      {item.kind === "multiple" && item.chooseCount ? (
        <p className="muted">{t("chooseCount", { count: item.chooseCount })}</p>
      ) : null}
      {item.kind === "typed" ? (
        <div className="form-field">
          <label htmlFor={`${name}-typed`}>{t("yourAnswer")}</label>
          <input
            id={`${name}-typed`}
            className="input"
            maxLength={500}
            autoComplete="off"
            data-answer-field=""
            readOnly={locked}
            defaultValue={item.answer?.kind === "typed" ? item.answer.text : ""}
            onChange={(e) => onAnswer({ kind: "typed", text: e.currentTarget.value })}
          />
        </div>
      ) : item.kind === "ordering" ? (
        <OrderingAnswer item={item} locked={locked} onAnswer={onAnswer} />
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
                  disabled={locked}
                  onChange={() => onAnswer(choose(item, option.key))}
                />
                <label htmlFor={id}>
                  <SanitizedHtml className="quiz-option__text" html={option.html} lang={item.lang} />
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

/** Put the items in order with Move up / Move down buttons; the first move (or "Keep this order") answers. */
function OrderingAnswer({
  item,
  locked,
  onAnswer,
}: {
  item: RunnerItem;
  locked: boolean;
  onAnswer: (answer: GivenAnswer | null) => void;
}) {
  const t = useTranslations("quiz.question");
  const order = orderOf(item);
  const byKey = new Map(item.options.map((o) => [o.key, o]));
  const move = (from: number, by: -1 | 1) => {
    const next = [...order];
    const [key] = next.splice(from, 1);
    if (key === undefined) return;
    next.splice(from + by, 0, key);
    onAnswer({ kind: "ordering", keys: next });
  };
  return (
    <>
      <ol className="quiz-options quiz-ordering" aria-label={t("putInOrder")}>
        {order.map((key, i) => {
          const option = byKey.get(key);
          if (!option) return null;
          const text = textOfHtml(option.html);
          return (
            <li key={key} className="quiz-ordering__item">
              <SanitizedHtml className="quiz-option__text" html={option.html} lang={item.lang} />
              {locked ? null : (
                <span className="quiz-ordering__moves">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={i === 0}
                    aria-label={t("moveUp", { text })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={i === order.length - 1}
                    aria-label={t("moveDown", { text })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!locked && item.answer?.kind !== "ordering" ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onAnswer({ kind: "ordering", keys: order })}
        >
          {t("keepOrder")}
        </button>
      ) : null}
    </>
  );
}
