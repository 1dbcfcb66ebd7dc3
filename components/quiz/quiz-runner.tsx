"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { postJson } from "@/components/ui/post-json";
import type { GivenAnswer } from "@/lib/bank";
import type { RunnerItem, RunnerView } from "@/lib/quiz/views";
import { checkAnswerAction, submitAttemptAction } from "@/lib/server/actions/attempt";
import { Countdown } from "./countdown";
import { isAnswered, QuizQuestion } from "./quiz-question";
import { ReviewedAnswer } from "./quiz-results";

type SaveState = { state: "idle" | "saving" | "saved" | "error"; message?: string };

/**
 * Takes an attempt: free navigation, flags, a review screen, a countdown, and every change
 * autosaved (typed answers after a short pause). The server decides what counts: a save after the
 * deadline is refused, and the attempt is graded from what it saved.
 */
export function QuizRunner({ view, resultsHref }: { view: RunnerView; resultsHref: string }) {
  const router = useRouter();
  const [items, setItems] = useState<RunnerItem[]>(view.items);
  const [index, setIndex] = useState(0);
  const [reviewing, setReviewing] = useState(false);
  const [save, setSave] = useState<SaveState>({ state: "idle" });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [clockOffsetMs] = useState(() => new Date(view.serverNow).getTime() - Date.now());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Set<Promise<unknown>>());

  const persist = useCallback(
    (item: RunnerItem) => {
      setSave({ state: "saving" });
      const request = postJson<{ saved: boolean }>("/api/quiz/autosave", {
        attemptId: view.attemptId,
        questionId: item.questionId,
        answer: item.answer,
        flagged: item.flagged,
        seq: item.seq,
      })
        .then((result) => {
          if (result.ok) setSave({ state: "saved" });
          else {
            setSave({ state: "error", message: result.formError ?? "Not saved." });
            if ("reason" in result && (result.reason === "deadline" || result.reason === "conflict"))
              router.push(resultsHref);
          }
        })
        .catch(() => setSave({ state: "error", message: "Not saved: check your connection." }))
        .finally(() => pending.current.delete(request));
      pending.current.add(request);
    },
    [view.attemptId, router, resultsHref],
  );

  const update = useCallback(
    (questionId: string, change: Partial<Pick<RunnerItem, "answer" | "flagged">>, delayMs = 0) => {
      setItems((current) => {
        const next = current.map((item) =>
          item.questionId === questionId ? { ...item, ...change, seq: item.seq + 1 } : item,
        );
        const changed = next.find((item) => item.questionId === questionId);
        if (changed) {
          const existing = timers.current.get(questionId);
          if (existing) clearTimeout(existing);
          if (delayMs > 0) {
            setSave({ state: "saving" });
            timers.current.set(
              questionId,
              setTimeout(() => {
                timers.current.delete(questionId);
                persist(changed);
              }, delayMs),
            );
          } else persist(changed);
        }
        return next;
      });
    },
    [persist],
  );

  const flush = useCallback(async () => {
    for (const [questionId, timer] of timers.current) {
      clearTimeout(timer);
      timers.current.delete(questionId);
      const item = items.find((i) => i.questionId === questionId);
      if (item) persist(item);
    }
    await Promise.allSettled([...pending.current]);
  }, [items, persist]);

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
    setSubmitError(result.formError ?? "Could not submit. Try again.");
    setSubmitting(false);
  }, [submitting, flush, view.attemptId, router, resultsHref]);

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
        setItems((current) =>
          current.map((it) =>
            it.questionId === questionId ? { ...it, answer: feedback.answer, feedback } : it,
          ),
        );
        return;
      }
      setCheckError(result?.formError ?? "Could not check the answer: check your connection.");
      if (result && "reason" in result && (result.reason === "deadline" || result.reason === "conflict"))
        router.push(resultsHref);
    },
    [flush, view.attemptId, router, resultsHref],
  );

  const onExpire = useCallback(() => {
    void submit();
  }, [submit]);

  // Typed answers wait for a pause; leaving the page sends what is still waiting.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [flush]);

  const item = items[index];
  const unanswered = items.map((it, i) => ({ it, i })).filter(({ it }) => !isAnswered(it.answer));
  const flagged = items.map((it, i) => ({ it, i })).filter(({ it }) => it.flagged);
  const goTo = (i: number) => {
    setIndex(i);
    setReviewing(false);
    setCheckError(null);
  };

  return (
    <section className="quiz-runner" aria-label="Quiz attempt">
      <div className="quiz-runner__bar">
        {view.deadline ? (
          <Countdown deadline={view.deadline} clockOffsetMs={clockOffsetMs} onExpire={onExpire} />
        ) : (
          <span className="muted">No time limit</span>
        )}
        <p className="quiz-runner__save" role="status" aria-live="polite">
          {save.state === "saving" ? "Saving…" : save.state === "saved" ? "All answers saved" : null}
          {save.state === "error" ? <span className="notice notice--error">{save.message}</span> : null}
        </p>
      </div>
      <nav aria-label="Questions" className="quiz-nav">
        <ol>
          {items.map((it, i) => (
            <li key={it.questionId}>
              <button
                type="button"
                className={`quiz-nav__item${isAnswered(it.answer) ? " is-answered" : ""}${it.flagged ? " is-flagged" : ""}`}
                aria-current={!reviewing && i === index ? "step" : undefined}
                aria-label={`Question ${i + 1}${isAnswered(it.answer) ? ", answered" : ", unanswered"}${it.flagged ? ", flagged" : ""}`}
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
              Review
            </button>
          </li>
        </ol>
      </nav>
      {reviewing || !item ? (
        <section aria-labelledby="review-heading" className="quiz-review">
          <h2 id="review-heading">Review before you submit</h2>
          <p>
            {items.length - unanswered.length} of {items.length} answered.
          </p>
          <h3>Unanswered ({unanswered.length})</h3>
          {unanswered.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul aria-label="Unanswered questions">
              {unanswered.map(({ i }) => (
                <li key={i}>
                  <button type="button" className="button button--quiet" onClick={() => goTo(i)}>
                    Go to question {i + 1}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>Flagged for review ({flagged.length})</h3>
          {flagged.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul aria-label="Flagged questions">
              {flagged.map(({ i }) => (
                <li key={i}>
                  <button type="button" className="button button--quiet" onClick={() => goTo(i)}>
                    Go to question {i + 1}
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
            onClick={() => void submit()}
          >
            {submitting ? "Submitting…" : "Submit answers"}
          </button>
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
          {view.canCheck ? (
            item.feedback ? (
              <section className="quiz-feedback card" aria-label={`Feedback on question ${index + 1}`}>
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
                  {checking ? "Checking…" : "Check answer"}
                </button>
                <p className="muted">Checking shows whether you are right and locks this answer.</p>
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
              Flag for review
            </label>
            <button type="button" className="button" disabled={index === 0} onClick={() => goTo(index - 1)}>
              Previous
            </button>
            {index < items.length - 1 ? (
              <button type="button" className="button" onClick={() => goTo(index + 1)}>
                Next
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setReviewing(true)}>
                Review and submit
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
