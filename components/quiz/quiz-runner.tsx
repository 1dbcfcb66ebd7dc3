"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GivenAnswer } from "@/lib/bank";
import { NOT_SAVED_MESSAGE, OFFLINE_MESSAGE } from "@/lib/quiz/autosave-queue";
import type { QuizKeyContext, QuizKeyIntent } from "@/lib/quiz/shortcuts";
import { quizKeyHints } from "@/lib/quiz/shortcuts";
import type { RunnerItem, RunnerView } from "@/lib/quiz/views";
import { checkAnswerAction, submitAttemptAction } from "@/lib/server/actions/attempt";
import { Countdown } from "./countdown";
import { choose, isAnswered, QuizQuestion } from "./quiz-question";
import { ReviewedAnswer } from "./quiz-results";
import { SubmitDialog } from "./submit-dialog";
import { useAutosave } from "./use-autosave";
import { useQuizKeys } from "./use-quiz-keys";

/**
 * Takes an attempt: free navigation, flags, a review screen, a countdown, and every change
 * autosaved (typed answers after a short pause). The server decides what counts: a save after the
 * deadline is refused, and the attempt is graded from what it saved.
 */
export function QuizRunner({ view, resultsHref }: { view: RunnerView; resultsHref: string }) {
  const router = useRouter();
  const t = useTranslations("quiz.runner");
  const [items, setItems] = useState<RunnerItem[]>(view.items);
  const [index, setIndex] = useState(0);
  const [reviewing, setReviewing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [clockOffsetMs] = useState(() => new Date(view.serverNow).getTime() - Date.now());
  // The newest items, for changes made between renders (a key press right after a click).
  const itemsRef = useRef(items);
  const [focusQuestion, setFocusQuestion] = useState(false);

  const toResults = useCallback(() => router.push(resultsHref), [router, resultsHref]);
  const { status: save, save: persist, flush } = useAutosave(view.attemptId, toResults);
  // The queue's own words (no answer from the server) are English constants; the server's
  // refusals arrive already in the request's language.
  const saveMessage =
    "message" in save
      ? save.message === OFFLINE_MESSAGE
        ? t("offline")
        : save.message === NOT_SAVED_MESSAGE
          ? t("notSaved")
          : save.message
      : "";

  const setAll = useCallback((next: RunnerItem[]) => {
    itemsRef.current = next;
    setItems(next);
  }, []);

  // Each change gets the next sequence number, so the server keeps the newest whatever the order
  // the saves arrive in; typed answers wait for a pause in typing.
  const update = useCallback(
    (questionId: string, change: Partial<Pick<RunnerItem, "answer" | "flagged">>, delayMs = 0) => {
      const current = itemsRef.current.find((item) => item.questionId === questionId);
      if (!current) return;
      const changed = { ...current, ...change, seq: current.seq + 1 };
      setAll(itemsRef.current.map((item) => (item.questionId === questionId ? changed : item)));
      persist({ questionId, answer: changed.answer, flagged: changed.flagged, seq: changed.seq }, delayMs);
    },
    [persist, setAll],
  );

  const submit = useCallback(async () => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    await flush();
    const result = await submitAttemptAction({ attemptId: view.attemptId });
    if (result.ok || ("reason" in result && (result.reason === "conflict" || result.reason === "deadline"))) {
      router.push(resultsHref);
      return;
    }
    setSubmitError(result.formError ?? t("submitFailed"));
    setSubmitting(false);
    setConfirming(false);
  }, [submitting, flush, view.attemptId, router, resultsHref, t]);

  // Immediate feedback: the answer is saved first, then checked; the server locks it and only
  // then sends this one question's key and explanation.
  const check = useCallback(
    async (questionId: string) => {
      setChecking(true);
      setCheckError(null);
      await flush();
      const result = await checkAnswerAction({ attemptId: view.attemptId, questionId }).catch(() => null);
      setChecking(false);
      if (result?.ok) {
        const feedback = result.feedback;
        setAll(
          itemsRef.current.map((it) =>
            it.questionId === questionId ? { ...it, answer: feedback.answer, feedback } : it,
          ),
        );
        return;
      }
      setCheckError(result?.formError ?? t("checkFailed"));
      if (result && "reason" in result && (result.reason === "deadline" || result.reason === "conflict"))
        router.push(resultsHref);
    },
    [flush, view.attemptId, router, resultsHref, setAll, t],
  );

  const onExpire = useCallback(() => {
    void submit();
  }, [submit]);

  const item = reviewing ? undefined : items[index];
  const unanswered = items.map((it, i) => ({ it, i })).filter(({ it }) => !isAnswered(it.answer));
  const flagged = items.map((it, i) => ({ it, i })).filter(({ it }) => it.flagged);
  const goTo = useCallback((i: number) => {
    setIndex(i);
    setReviewing(false);
    setCheckError(null);
  }, []);
  // "Go to question N" from the review screen or the confirmation lands on that question's heading.
  const goToAndFocus = (i: number) => {
    setConfirming(false);
    goTo(i);
    setFocusQuestion(true);
  };
  useEffect(() => {
    if (!focusQuestion) return;
    setFocusQuestion(false);
    const current = items[index];
    if (current) document.getElementById(`q-${current.questionId}-heading`)?.focus();
  }, [focusQuestion, items, index]);

  // Keyboard: digits pick, Enter checks (immediate feedback) or moves on; lib/quiz/shortcuts.ts.
  const keyContext = useMemo<QuizKeyContext | null>(
    () =>
      item && !isConfirming
        ? {
            kind: item.kind,
            optionCount: item.options.length,
            isLocked: item.feedback !== null,
            canCheck: view.canCheck,
            isAnswered: isAnswered(item.answer),
            isLast: index === items.length - 1,
          }
        : null,
    [item, isConfirming, view.canCheck, index, items.length],
  );
  const onKey = useCallback(
    (intent: NonNullable<QuizKeyIntent>) => {
      const current = itemsRef.current[index];
      if (!current) return;
      if (intent.action === "pick") {
        const option = current.options[intent.index];
        if (option) update(current.questionId, { answer: choose(current, option.key) });
      } else if (intent.action === "check") {
        if (!checking) void check(current.questionId);
      } else if (index < itemsRef.current.length - 1) goTo(index + 1);
      else setReviewing(true);
    },
    [index, update, check, checking, goTo],
  );
  useQuizKeys(keyContext, onKey);

  return (
    <section className="quiz-runner" aria-label={t("label")}>
      <div className="quiz-runner__bar">
        {view.deadline ? (
          <Countdown deadline={view.deadline} clockOffsetMs={clockOffsetMs} onExpire={onExpire} />
        ) : (
          <span className="muted">{t("noTimeLimit")}</span>
        )}
        <p className="quiz-runner__save" role="status" aria-live="polite">
          {save.state === "saving" ? t("saving") : save.state === "saved" ? t("saved") : null}
          {save.state === "retrying" ? (
            <span className="notice notice--error">{t("retrying", { message: saveMessage })}</span>
          ) : null}
          {save.state === "error" ? <span className="notice notice--error">{saveMessage}</span> : null}
        </p>
      </div>
      <nav aria-label={t("questions")} className="quiz-nav">
        <ol>
          {items.map((it, i) => (
            <li key={it.questionId}>
              <button
                type="button"
                className={`quiz-nav__item${isAnswered(it.answer) ? " is-answered" : ""}${it.flagged ? " is-flagged" : ""}`}
                aria-current={!reviewing && i === index ? "step" : undefined}
                aria-label={t("navItem", {
                  number: i + 1,
                  answered: String(isAnswered(it.answer)),
                  flagged: String(it.flagged),
                })}
                onClick={() => goTo(i)}
              >
                {i + 1}
                {it.flagged ? " ⚑" : ""}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="quiz-nav__item"
              aria-current={reviewing ? "step" : undefined}
              onClick={() => setReviewing(true)}
            >
              {t("review")}
            </button>
          </li>
        </ol>
      </nav>
      {reviewing || !item ? (
        <section aria-labelledby="review-heading" className="quiz-review">
          <h2 id="review-heading">{t("reviewHeading")}</h2>
          <p>{t("answeredOf", { answered: items.length - unanswered.length, total: items.length })}</p>
          <h3>{t("unansweredHeading", { count: unanswered.length })}</h3>
          {unanswered.length === 0 ? (
            <p className="muted">{t("none")}</p>
          ) : (
            <ul aria-label={t("unansweredList")}>
              {unanswered.map(({ i }) => (
                <li key={i}>
                  <button type="button" className="button button--quiet" onClick={() => goToAndFocus(i)}>
                    {t("goTo", { number: i + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>{t("flaggedHeading", { count: flagged.length })}</h3>
          {flagged.length === 0 ? (
            <p className="muted">{t("none")}</p>
          ) : (
            <ul aria-label={t("flaggedList")}>
              {flagged.map(({ i }) => (
                <li key={i}>
                  <button type="button" className="button button--quiet" onClick={() => goToAndFocus(i)}>
                    {t("goTo", { number: i + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div role="status" aria-live="polite">
            {submitError ? <p className="notice notice--error">{submitError}</p> : null}
          </div>
          <button
            type="button"
            className="button button--primary"
            disabled={submitting}
            aria-haspopup="dialog"
            onClick={() => setConfirming(true)}
          >
            {submitting ? t("submitting") : t("submit")}
          </button>
          <SubmitDialog
            isOpen={isConfirming}
            total={items.length}
            unanswered={unanswered.map(({ i }) => i)}
            flagged={flagged.map(({ i }) => i)}
            unsavedMessage={save.state === "error" ? saveMessage : null}
            isSubmitting={submitting}
            onConfirm={() => void submit()}
            onClose={() => setConfirming(false)}
            onGoTo={goToAndFocus}
          />
        </section>
      ) : (
        <div className="quiz-runner__question">
          <QuizQuestion
            key={item.questionId}
            item={item}
            index={index}
            locked={item.feedback !== null}
            onAnswer={(answer: GivenAnswer | null) =>
              update(item.questionId, { answer }, answer?.kind === "typed" ? 400 : 0)
            }
          />
          {keyContext ? (
            <p className="quiz-keys muted">
              <span className="visually-hidden">{t("keyboard")} </span>
              {/* i18n-keys: quiz.runner.keys.* */}
              {quizKeyHints(keyContext)
                .map((hint) => t(`keys.${hint.key}`, { range: hint.range ?? "" }))
                .join(" · ")}
            </p>
          ) : null}
          {view.canCheck ? (
            item.feedback ? (
              <section className="quiz-feedback card" aria-label={t("feedbackOn", { number: index + 1 })}>
                <ReviewedAnswer item={item.feedback} />
              </section>
            ) : (
              <div className="quiz-feedback">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={checking || !isAnswered(item.answer)}
                  onClick={() => void check(item.questionId)}
                >
                  {checking ? t("checking") : t("check")}
                </button>
                <p className="muted">{t("checkHint")}</p>
                <div role="status" aria-live="polite">
                  {checkError ? <p className="notice notice--error">{checkError}</p> : null}
                </div>
              </div>
            )
          ) : null}
          <div className="quiz-runner__actions">
            <label className="check">
              <input
                type="checkbox"
                checked={item.flagged}
                onChange={(e) => update(item.questionId, { flagged: e.currentTarget.checked })}
              />
              {t("flag")}
            </label>
            <button type="button" className="button" disabled={index === 0} onClick={() => goTo(index - 1)}>
              {t("previous")}
            </button>
            {index < items.length - 1 ? (
              <button type="button" className="button" onClick={() => goTo(index + 1)}>
                {t("next")}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setReviewing(true)}>
                {t("reviewAndSubmit")}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
