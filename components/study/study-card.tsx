"use client";

import { useMessages, useTranslations } from "next-intl";
import type { RefObject } from "react";
import { beforeAnswer, ShowOriginal } from "@/components/ui/show-original";
import { textOfHtml } from "@/lib/bank/html-text";
import { topicName } from "@/lib/i18n/topic-names";
import type { GradeName } from "@/lib/srs";
import { type Draft, isQuestion } from "@/lib/study/draft";
import type { StudyState } from "@/lib/study/session-state";
import { keyHint } from "@/lib/study/session-view";
import type { QueueItem } from "@/lib/study/views";
import { AnswerReveal } from "./answer-reveal";
import { CardTools } from "./card-tools";
import { FlashcardView } from "./flashcard-view";
import { GradeButtons } from "./grade-buttons";
import { QuestionView } from "./question-view";

export type CardHandlers = {
  onDraft: (draft: Draft) => void;
  onReveal: () => void;
  onGrade: (grade: GradeName) => void;
  onCheck: () => void;
  onNext: () => void;
  onRemove: (how: "suspend" | "bury") => void;
};

/**
 * The card on screen: a practice question (answer, check, feedback, next) or a flashcard (show,
 * grade). Until the page is hydrated (`isReady` false) its controls are disabled, so a key or a
 * click before the page can act on it is visibly refused rather than silently lost.
 */
export function StudyCard({
  item,
  state,
  isReady,
  handlers,
  headingRef,
  answerRef,
}: {
  item: QueueItem;
  state: StudyState;
  isReady: boolean;
  handlers: CardHandlers;
  headingRef: RefObject<HTMLHeadingElement | null>;
  answerRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations("study.card");
  const keys = useTranslations("study.keys");
  const topics = useMessages().topics;
  const said = keyHint(state);
  const hintText = said ? keys(said.key, said.values) : "";
  const question = isQuestion(item);
  const headingId = `card-${item.key.replace(/[^a-z0-9-]/gi, "-")}`;
  const { feedback, revealed } = state;
  const hint = <span className="study__keys">{isReady ? hintText : t("preparing")}</span>;
  return (
    <article className="card study__card" aria-labelledby={headingId} aria-busy={!isReady}>
      <header className="study__card-head">
        {/* i18n-keys: study.card.kind.* */}
        <span className="badge">{t(`kind.${item.kind}`)}</span>
        <span className="badge">{topicName(item.topic, topics)}</span>
        {item.phase === "new" ? <span className="badge badge--new">{t("new")}</span> : null}
      </header>
      <h2
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className={question ? "study__title" : "study__label"}
        lang={question ? item.lang : undefined}
      >
        {question ? textOfHtml(item.titleHtml) : item.kind === "cloze" ? t("fillGap") : t("flashcard")}
      </h2>
      {question ? (
        <>
          <QuestionView
            item={item}
            draft={state.draft}
            onDraft={handlers.onDraft}
            feedback={feedback}
            headingId={headingId}
            answerRef={answerRef}
            disabled={!isReady}
          />
          <ShowOriginal original={feedback ? item.original : beforeAnswer(item.original)} lang={item.lang} />
          {feedback ? (
            <>
              <p
                className={`verdict ${feedback.isCorrect ? "verdict--right" : "verdict--wrong"}`}
                role="status"
              >
                {feedback.isCorrect ? t("right") : t("wrong")}
              </p>
              <AnswerReveal item={item} chosenKeys={feedback.keys} />
              <div className="study__actions">
                <button type="button" className="button button--primary" onClick={handlers.onNext}>
                  {t("next")}
                </button>
                {hint}
              </div>
            </>
          ) : (
            <div className="study__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={handlers.onCheck}
                disabled={!isReady}
              >
                {t("check")}
              </button>
              {hint}
            </div>
          )}
        </>
      ) : (
        <>
          <FlashcardView item={item} revealed={revealed} />
          <ShowOriginal original={revealed ? item.original : beforeAnswer(item.original)} lang={item.lang} />
          {revealed ? (
            <>
              <AnswerReveal item={item} chosenKeys={[]} />
              <GradeButtons intervals={item.intervals} onGrade={handlers.onGrade} disabled={!isReady} />
              <p className="study__keys">{hintText}</p>
            </>
          ) : (
            <div className="study__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={handlers.onReveal}
                disabled={!isReady}
              >
                {t("show")}
              </button>
              {hint}
            </div>
          )}
        </>
      )}
      {state.isScheduled ? <CardTools item={item} onRemove={handlers.onRemove} disabled={!isReady} /> : null}
    </article>
  );
}
