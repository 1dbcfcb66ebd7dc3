"use client";

import { useTranslations } from "next-intl";
import { useEffect, useReducer, useRef } from "react";
import type { GradeName } from "@/lib/srs";
import { isQuestion } from "@/lib/study/draft";
import type { KeyIntent } from "@/lib/study/keys";
import { studyReducer } from "@/lib/study/session";
import { initialStudyState } from "@/lib/study/session-state";
import { answerRequest, flashcardRequest, sessionProgress, visibleCounts } from "@/lib/study/session-view";
import type { QueueView, StudyFilter, StudyMode } from "@/lib/study/views";
import { EmptyState } from "./empty-state";
import { StudyCard } from "./study-card";
import { useHydrated } from "./use-hydrated";
import { useStudyKeys } from "./use-study-keys";
import { useStudyNetwork } from "./use-study-network";

/**
 * The study session: one card at a time, keyboard first. The session's state is a pure reducer
 * (lib/study/session.ts); grades are shown as done at once and saved in the background with an id
 * made here, so a retry can never count twice; the next cards are fetched before they are needed.
 */
export function StudySession({
  initial,
  filter,
  mode,
}: {
  initial: QueueView;
  filter: StudyFilter;
  mode: StudyMode;
}) {
  const [state, dispatch] = useReducer(studyReducer, null, () =>
    initialStudyState(initial, mode, Date.now()),
  );
  const t = useTranslations("study.session");
  const isReady = useHydrated();
  const network = useStudyNetwork(state, dispatch, filter, mode);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLInputElement>(null);
  const current = state.queue[0];

  // A card shown afresh takes focus: a typed-answer card its field, any other its heading (the
  // page's first card leaves focus where the page put it). Checking an answer keeps focus in place.
  const focusTarget = current?.kind === "typed" && !state.feedback ? "answer" : "heading";
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per card shown, not per answer
  useEffect(() => {
    if (!isReady) return;
    if (focusTarget === "answer") answerRef.current?.focus();
    else if (state.shown > 0) headingRef.current?.focus();
  }, [state.shown, isReady]);

  const grade = (name: GradeName) => {
    const reviewId = crypto.randomUUID();
    const now = Date.now();
    const request = flashcardRequest(state, name, reviewId, now);
    dispatch({ type: "grade", grade: name, reviewId, now });
    if (request) network.save(request);
  };
  const check = (isExplicit: boolean) => {
    const reviewId = crypto.randomUUID();
    const now = Date.now();
    const action = { type: "submit", isExplicit, reviewId, now } as const;
    // The reducer is pure: asking it first says whether this answer is taken, hence saved.
    const isTaken = !state.feedback && studyReducer(state, action).feedback !== null;
    const request = isTaken ? answerRequest(state, reviewId, now) : null;
    dispatch(action);
    if (request) network.save(request);
  };
  const next = () => dispatch({ type: "next", now: Date.now() });
  const undo = () => {
    const last = state.gradings[state.gradings.length - 1];
    if (last && !state.undoing) void network.undo(last);
  };

  const onIntent = (intent: KeyIntent) => {
    if (intent.type === "reveal") dispatch({ type: "reveal" });
    else if (intent.type === "grade") grade(intent.grade);
    else if (intent.type === "pick") dispatch({ type: "pick", index: intent.index });
    else if (intent.type === "submit") check(false);
    else if (intent.type === "next") next();
    else if (intent.type === "undo") undo();
    else answerRef.current?.focus();
  };
  useStudyKeys(
    {
      kind: !current
        ? "none"
        : !isQuestion(current)
          ? "flashcard"
          : current.kind === "typed" || current.kind === "ordering"
            ? current.kind
            : "choice",
      revealed: state.revealed,
      answered: state.feedback !== null,
      optionCount: current?.options.length ?? 0,
      canUndo: state.gradings.length > 0 && !state.undoing,
    },
    onIntent,
  );

  const progress = sessionProgress(state);
  const counts = visibleCounts(state);
  return (
    <section className="study" aria-label={t("label")}>
      <div className="study__bar">
        <dl className="study__counts" aria-label={t("counts")}>
          {state.isScheduled ? (
            <>
              <div className="count count--new">
                <dt>{t("new")}</dt>
                <dd>{counts.new}</dd>
              </div>
              <div className="count count--learning">
                <dt>{t("learning")}</dt>
                <dd>{counts.learning}</dd>
              </div>
              <div className="count count--due">
                <dt>{t("due")}</dt>
                <dd>{counts.due}</dd>
              </div>
            </>
          ) : (
            <div className="count">
              <dt>{mode === "cram" ? t("cramCount") : t("missedCount")}</dt>
              <dd>{state.queue.length}</dd>
            </div>
          )}
        </dl>
        <label className="study__progress">
          <span>{t("progress", progress)}</span>
          <progress value={progress.done} max={Math.max(progress.total, 1)} />
        </label>
      </div>

      <p className="visually-hidden" aria-live="polite">
        {state.announcement ? t(state.announcement.key, state.announcement.values) : ""}
      </p>
      <p className="study__notice" role="status">
        {state.notice ? t(state.notice.key, state.notice.values) : null}
      </p>
      {state.error ? (
        <div className="notice notice--error" role="alert">
          <p>{state.error}</p>
          <button type="button" className="button" onClick={() => dispatch({ type: "dismissError" })}>
            {t("dismiss")}
          </button>
        </div>
      ) : null}

      {current ? (
        <StudyCard
          item={current}
          state={state}
          isReady={isReady}
          headingRef={headingRef}
          answerRef={answerRef}
          handlers={{
            onDraft: (draft) => dispatch({ type: "draft", draft }),
            onReveal: () => dispatch({ type: "reveal" }),
            onGrade: grade,
            onCheck: () => check(true),
            onNext: next,
            onRemove: (how) => void network.remove(how),
          }}
        />
      ) : (
        <EmptyState
          returning={state.returning}
          now={state.now}
          nextDueAt={state.nextDueAt}
          mode={mode}
          onStudyAhead={() => dispatch({ type: "studyAhead", now: Date.now() })}
        />
      )}

      {state.gradings.length > 0 || state.undoing ? (
        <p className="study__undo">
          <button
            type="button"
            className="button"
            onClick={undo}
            disabled={state.undoing !== null}
            aria-keyshortcuts="z"
          >
            {state.undoing ? t("undoing") : t("undo")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
