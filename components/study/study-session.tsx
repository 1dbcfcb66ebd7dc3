"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { postJson } from "@/components/ui/post-json";
import { checkAnswer, type GivenAnswer } from "@/lib/bank/check-answer";
import { textOfHtml } from "@/lib/bank/html-text";
import { buryAction, loadMoreAction, suspendAction, undoAction } from "@/lib/server/actions/study";
import type { GradeName } from "@/lib/srs/scheduler";
import type {
  GradeRequest,
  GradeResponse,
  QueueItem,
  QueueView,
  StudyCounts,
  StudyFilter,
  StudyMode,
} from "@/lib/study/views";
import { AnswerReveal } from "./answer-reveal";
import { CardTools } from "./card-tools";
import { FlashcardView } from "./flashcard-view";
import { GradeButtons } from "./grade-buttons";
import { type Draft, type Feedback, QuestionView, toggleKey } from "./question-view";

const QUESTION_KINDS = new Set(["single", "multiple", "true-false", "typed", "ordering"]);
/** A card graded into a learning step this soon comes back in the same session. */
const SAME_SESSION_MS = 20 * 60_000;

type Done = { item: QueueItem; reviewId: string | null; counts: StudyCounts; save: Promise<unknown> | null };
type Pending = { item: QueueItem; dueAt: number };

const emptyDraft = (item: QueueItem | undefined): Draft => ({
  keys: [],
  typed: "",
  order: item?.order ? shuffled(item.order, item.key) : [],
  confidence: "sure",
});

/** A stable shuffle per card, so an ordering question never starts in its answer order. */
function shuffled(keys: string[], seed: string): string[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const out = [...keys];
  for (let i = out.length - 1; i > 0; i -= 1) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  if (out.length > 1 && out.every((k, i) => k === keys[i])) out.push(out.shift() as string);
  return out;
}

const category = (item: QueueItem): keyof StudyCounts =>
  item.phase === "new" ? "new" : item.phase === "review" ? "due" : "learning";

function givenAnswer(item: QueueItem, draft: Draft): GivenAnswer {
  if (item.kind === "typed") return { kind: "typed", text: draft.typed };
  if (item.kind === "ordering") return { kind: "ordering", keys: draft.order };
  return { kind: "choice", keys: draft.keys };
}

function answerKey(item: QueueItem) {
  return {
    kind: item.kind,
    options: item.options.map((o) => ({ key: o.key, text: o.html, correct: o.correct })),
    accepted: item.accepted,
    order: item.order ?? undefined,
    answer: item.trueFalse ?? undefined,
  };
}

/**
 * The study session: one card at a time, keyboard first. Grades are shown as done at once and
 * saved in the background with an id made here, so a retry can never count twice; the next cards
 * are fetched before they are needed.
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
  const [queue, setQueue] = useState<QueueItem[]>(initial.items);
  const [pending, setPending] = useState<Pending[]>([]);
  const [counts, setCounts] = useState<StudyCounts>(initial.counts);
  const [done, setDone] = useState<Done[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(initial.items[0]));
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [nextDueAt, setNextDueAt] = useState<string | null>(initial.nextDueAt);
  const shownAt = useRef(Date.now());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fetching = useRef(false);
  const exhausted = useRef(initial.items.length === 0);
  const isScheduled = mode === "review";

  const current = queue[0];
  const isQuestion = current ? QUESTION_KINDS.has(current.kind) : false;
  // The session's size: in a scheduled review, every card still due today (the counts), not just
  // the few cards loaded ahead; a card sent back for a learning step comes round again.
  const loaded = done.length + queue.length + pending.length;
  const total = isScheduled
    ? Math.max(loaded, done.length + counts.new + counts.learning + counts.due)
    : loaded;

  // Learning cards graded in this session come back once their step has passed.
  useEffect(() => {
    if (pending.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [pending.length]);
  useEffect(() => {
    const ready = pending.filter((p) => p.dueAt <= now);
    if (ready.length === 0) return;
    setPending((list) => list.filter((p) => p.dueAt > now));
    setQueue((list) => [...list, ...ready.map((p) => ({ ...p.item, phase: "learning" as const }))]);
  }, [now, pending]);

  const show = useCallback((next: QueueItem | undefined) => {
    setRevealed(false);
    setFeedback(null);
    setDraft(emptyDraft(next));
    shownAt.current = Date.now();
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);

  // Prefetch: keep a few cards ready so the next one appears without a round trip.
  useEffect(() => {
    if (!isScheduled || fetching.current || exhausted.current || queue.length > 3) return;
    fetching.current = true;
    const exclude = [...queue, ...pending.map((p) => p.item), ...done.map((d) => d.item)].map((i) => i.key);
    void loadMoreAction({ filter, mode, exclude })
      .then((result) => {
        if (!result.ok) return;
        if (result.view.items.length === 0) exhausted.current = true;
        setNextDueAt(result.view.nextDueAt);
        setQueue((list) => {
          const have = new Set(list.map((i) => i.key));
          return [...list, ...result.view.items.filter((i) => !have.has(i.key))];
        });
      })
      .finally(() => {
        fetching.current = false;
      });
  }, [queue, pending, done, filter, mode, isScheduled]);

  const advance = useCallback(
    (item: QueueItem, reviewId: string | null, save: Promise<unknown> | null, requeue: boolean) => {
      setDone((list) => [...list, { item, reviewId, counts, save }]);
      if (isScheduled) setCounts((c) => ({ ...c, [category(item)]: Math.max(0, c[category(item)] - 1) }));
      setQueue((list) => {
        const rest = list.slice(1);
        const next = requeue ? [...rest, item] : rest;
        show(next[0]);
        return next;
      });
    },
    [counts, isScheduled, show],
  );

  const save = useCallback(
    (request: GradeRequest, item: QueueItem) =>
      // A JSON route (not a server action) for the hottest write: see lib/server/auth/json-route.ts.
      postJson<{ result: GradeResponse }>("/api/study/grade", request).then(
        (result) => {
          if (!result.ok) {
            setError(result.formError ?? "Your grade could not be saved.");
            return;
          }
          const dueAt = Date.parse(result.result.due);
          if (result.result.phase !== "review" && dueAt - Date.now() < SAME_SESSION_MS) {
            setPending((list) => [...list.filter((p) => p.item.key !== item.key), { item, dueAt }]);
          }
        },
        () => {
          // The server could not take the write (offline, full disk): say so rather than fail silently.
          setError(
            "Your last grade could not be saved. Check your connection and study on; undo is unavailable for it.",
          );
        },
      ),
    [],
  );

  const gradeFlashcard = useCallback(
    (grade: GradeName) => {
      if (!current || !revealed) return;
      if (!isScheduled) {
        advance(current, null, null, grade === "again");
        return;
      }
      const reviewId = crypto.randomUUID();
      const request: GradeRequest = {
        reviewId,
        ref: current.ref,
        grade,
        durationMs: Date.now() - shownAt.current,
        clientTime: new Date().toISOString(),
      };
      setAnnouncement(`Graded ${grade}. Next card.`);
      advance(current, reviewId, save(request, current), false);
    },
    [current, revealed, isScheduled, advance, save],
  );

  const submitAnswer = useCallback(() => {
    if (!current || feedback) return;
    const given = givenAnswer(current, draft);
    if (given.kind === "choice" && given.keys.length === 0) return;
    if (given.kind === "typed" && given.text.trim() === "") return;
    const { isCorrect } = checkAnswer(answerKey(current), given);
    setFeedback({ isCorrect, keys: draft.keys, typed: draft.typed, order: draft.order });
    setAnnouncement(isCorrect ? "Correct." : "Not quite. The right answer is shown.");
    if (!isScheduled) return;
    const reviewId = crypto.randomUUID();
    const request: GradeRequest = {
      reviewId,
      ref: current.ref,
      answer: given,
      confidence: draft.confidence,
      durationMs: Date.now() - shownAt.current,
      clientTime: new Date().toISOString(),
    };
    const saving = save(request, current);
    setDone((list) => [...list, { item: current, reviewId, counts, save: saving }]);
    setCounts((c) => ({ ...c, [category(current)]: Math.max(0, c[category(current)] - 1) }));
  }, [current, feedback, draft, isScheduled, save, counts]);

  const next = useCallback(() => {
    if (!current || !feedback) return;
    if (isScheduled) {
      setQueue((list) => {
        const rest = list.slice(1);
        show(rest[0]);
        return rest;
      });
    } else {
      advance(current, null, null, !feedback.isCorrect);
    }
  }, [current, feedback, isScheduled, show, advance]);

  const undo = useCallback(async () => {
    const last = done[done.length - 1];
    if (!last) return;
    setDone((list) => list.slice(0, -1));
    if (last.reviewId) {
      await last.save;
      const result = await undoAction({ undoId: crypto.randomUUID(), reviewId: last.reviewId }).catch(() => ({
        ok: false as const,
        formError: "The server could not undo that grade. Try again in a moment.",
      }));
      if (!result.ok) {
        setError(result.formError ?? "That grade could not be undone.");
        setDone((list) => [...list, last]);
        return;
      }
      setCounts(last.counts);
    }
    setPending((list) => list.filter((p) => p.item.key !== last.item.key));
    setQueue((list) => {
      const rest = list.filter((i) => i.key !== last.item.key);
      // A question still showing its feedback is the one being undone: replace it, don't stack it.
      const next = [last.item, ...rest];
      show(next[0]);
      return next;
    });
    setAnnouncement("Last grade undone.");
  }, [done, show]);

  const removeCurrent = useCallback(
    async (how: "suspend" | "bury") => {
      if (!current) return;
      const run = how === "suspend" ? suspendAction : buryAction;
      const result = await run({ ref: current.ref });
      if (!result.ok) {
        setError(result.formError ?? "That did not work.");
        return;
      }
      if (isScheduled)
        setCounts((c) => ({ ...c, [category(current)]: Math.max(0, c[category(current)] - 1) }));
      setQueue((list) => {
        const rest = list.slice(1);
        show(rest[0]);
        return rest;
      });
      setAnnouncement(how === "suspend" ? "Card suspended." : "Card buried until tomorrow.");
    },
    [current, isScheduled, show],
  );

  // Keyboard: Space/Enter reveal; 1–4 grade; 1–9 pick; Enter submit, then Enter next; Z undo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.closest(
        "input[type=text], input:not([type]), textarea, select, [contenteditable]",
      );
      const onControl = target?.closest("button, a, summary, details, [role=dialog]");
      if (!current) {
        if (!typing && (event.key === "z" || event.key === "Z") && done.length > 0) void undo();
        return;
      }
      if ((event.key === "z" || event.key === "Z") && !typing) {
        event.preventDefault();
        void undo();
        return;
      }
      if (isQuestion) {
        if (event.key === "Enter" && !onControl) {
          event.preventDefault();
          if (feedback) next();
          else submitAnswer();
          return;
        }
        if (!typing && !feedback && /^[1-9]$/.test(event.key) && current.kind !== "ordering") {
          const option = current.options[Number(event.key) - 1];
          if (option) {
            event.preventDefault();
            setDraft((d) => toggleKey(current, d, option.key));
          }
        }
        return;
      }
      if (typing || onControl) return;
      if (!revealed && (event.key === " " || event.key === "Enter")) {
        event.preventDefault();
        setRevealed(true);
        return;
      }
      if (revealed && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        gradeFlashcard((["again", "hard", "good", "easy"] as const)[Number(event.key) - 1] as GradeName);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, done.length, isQuestion, feedback, revealed, undo, next, submitAnswer, gradeFlashcard]);

  const progress = useMemo(() => ({ value: done.length, max: Math.max(total, 1) }), [done.length, total]);
  const headingId = current ? `card-${current.key.replace(/[^a-z0-9-]/gi, "-")}` : "card-none";

  return (
    <section className="study" aria-label="Study session">
      <div className="study__bar">
        <dl className="study__counts" aria-label="Cards left today">
          {isScheduled ? (
            <>
              <div className="count count--new">
                <dt>New</dt>
                <dd>{counts.new}</dd>
              </div>
              <div className="count count--learning">
                <dt>Learning</dt>
                <dd>{counts.learning}</dd>
              </div>
              <div className="count count--due">
                <dt>Due</dt>
                <dd>{counts.due}</dd>
              </div>
            </>
          ) : (
            <div className="count">
              <dt>{mode === "cram" ? "Cram: schedule unchanged" : "Missed today: schedule unchanged"}</dt>
              <dd>{queue.length}</dd>
            </div>
          )}
        </dl>
        <label className="study__progress">
          <span>
            Session progress: {done.length} of {total}
          </span>
          <progress value={progress.value} max={progress.max} />
        </label>
      </div>

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error ? (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}

      {current ? (
        <article className="card study__card" aria-labelledby={headingId}>
          <header className="study__card-head">
            <span className="badge">
              {current.kind === "cloze" ? "cloze" : current.kind.replace("-", " ")}
            </span>
            <span className="badge">{current.topic.replace(/-/g, " ")}</span>
            {current.phase === "new" ? <span className="badge badge--new">new</span> : null}
          </header>
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className={isQuestion ? "study__title" : "study__label"}
          >
            {isQuestion
              ? textOfHtml(current.titleHtml)
              : current.kind === "cloze"
                ? "Fill the gap"
                : "Flashcard"}
          </h2>
          {isQuestion ? (
            <>
              <QuestionView
                item={current}
                draft={draft}
                onDraft={setDraft}
                feedback={feedback}
                headingId={headingId}
              />
              {feedback ? (
                <>
                  <p
                    className={`verdict ${feedback.isCorrect ? "verdict--right" : "verdict--wrong"}`}
                    role="status"
                  >
                    {feedback.isCorrect ? "✓ Correct" : "✗ Not quite"}
                  </p>
                  <AnswerReveal item={current} chosenKeys={feedback.keys} />
                  <div className="study__actions">
                    <button type="button" className="button button--primary" onClick={next}>
                      Next
                    </button>
                    <span className="study__keys">Enter · Z to undo</span>
                  </div>
                </>
              ) : (
                <div className="study__actions">
                  <button type="button" className="button button--primary" onClick={submitAnswer}>
                    Check answer
                  </button>
                  <span className="study__keys">1–9 to pick · Enter to check</span>
                </div>
              )}
            </>
          ) : (
            <>
              <FlashcardView item={current} revealed={revealed} />
              {revealed ? (
                <>
                  <AnswerReveal item={current} chosenKeys={[]} />
                  <GradeButtons intervals={current.intervals} onGrade={gradeFlashcard} />
                  <p className="study__keys">Keys 1–4 grade · Z undoes the last grade</p>
                </>
              ) : (
                <div className="study__actions">
                  <button type="button" className="button button--primary" onClick={() => setRevealed(true)}>
                    Show answer
                  </button>
                  <span className="study__keys">Space or Enter</span>
                </div>
              )}
            </>
          )}
          {isScheduled ? <CardTools item={current} onRemove={removeCurrent} /> : null}
        </article>
      ) : (
        <EmptyState
          pending={pending}
          now={now}
          nextDueAt={nextDueAt}
          mode={mode}
          onStudyAhead={() => setNow(Infinity)}
        />
      )}

      {done.length > 0 ? (
        <p className="study__undo">
          <button type="button" className="button" onClick={() => void undo()} aria-keyshortcuts="z">
            Undo last grade
          </button>
        </p>
      ) : null}
    </section>
  );
}

function EmptyState({
  pending,
  now,
  nextDueAt,
  mode,
  onStudyAhead,
}: {
  pending: Pending[];
  now: number;
  nextDueAt: string | null;
  mode: StudyMode;
  onStudyAhead: () => void;
}) {
  const soonest = pending.reduce<number | null>(
    (min, p) => (min === null || p.dueAt < min ? p.dueAt : min),
    null,
  );
  if (soonest !== null) {
    const minutes = Math.max(1, Math.ceil((soonest - now) / 60_000));
    return (
      <div className="notice" role="status">
        <p>
          <strong>
            The next card comes back in {minutes} minute{minutes === 1 ? "" : "s"}.
          </strong>{" "}
          It is still in a learning step.
        </p>
        <button type="button" className="button" onClick={onStudyAhead}>
          Study it now
        </button>
      </div>
    );
  }
  return (
    <div className="notice" role="status">
      <p>
        <strong>{mode === "review" ? "Nothing is due right now." : "You have gone through this set."}</strong>
      </p>
      {mode === "review" ? (
        <p>
          {nextDueAt
            ? `Your next card is due ${new Date(nextDueAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}.`
            : "No cards are scheduled yet: choose a topic to start new cards."}
        </p>
      ) : null}
    </div>
  );
}
