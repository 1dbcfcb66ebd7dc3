import type { GradeName } from "@/lib/srs";
import { givenAnswer, isQuestion } from "./draft";
import type { Said, StudyState } from "./session-state";
import type { GradeRequest, StudyCounts } from "./views";

// What the study page reads off the session state: progress, counts, what to prefetch, and the
// grading requests to send. Pure, like the reducer.

/**
 * "Session progress: done of total". Each card counts once: `done` is the distinct cards graded
 * at least once in this session (a card back for a learning step and graded again is not counted
 * again; undoing its only grading takes it out). `total` is those plus the day's cards not graded
 * yet (the server's new, learning and due counts at the start, less each first grading), and never
 * fewer than the cards on hand. In cram and "missed today", the total is the cards on hand.
 * @example sessionProgress(state) // { done: 9, total: 20 }
 */
export function sessionProgress(state: StudyState): { done: number; total: number } {
  const graded = new Set(state.gradings.map((g) => g.item.key));
  const known = new Set([
    ...graded,
    ...state.queue.map((i) => i.key),
    ...state.returning.map((r) => r.item.key),
  ]);
  if (state.undoing) known.add(state.undoing.item.key);
  if (!state.isScheduled) return { done: graded.size, total: known.size };
  const { new: fresh, learning, due } = state.unseen;
  return { done: graded.size, total: Math.max(known.size, graded.size + fresh + learning + due) };
}

/**
 * The counts in the bar: new and due are the day's cards not graded yet; learning adds the cards
 * of this session waiting for (or back from) a learning step.
 */
export function visibleCounts(state: StudyState): StudyCounts {
  const graded = new Set(state.gradings.map((g) => g.item.key));
  const waiting = new Set(state.returning.map((r) => r.item.key));
  state.queue.forEach((item, index) => {
    const isOnScreenAnswered = index === 0 && state.feedback !== null;
    if (graded.has(item.key) && !isOnScreenAnswered) waiting.add(item.key);
  });
  return { ...state.unseen, learning: state.unseen.learning + waiting.size };
}

/** Whether to fetch more cards now: a scheduled session keeps a few ready beyond the one on screen. */
export const needsMore = (state: StudyState) =>
  state.isScheduled && !state.isFetching && !state.isExhausted && state.queue.length <= 3;

/** Every card this session already holds, so a fetch brings only others (each key once). */
export function heldKeys(state: StudyState): string[] {
  const items = [
    ...state.queue,
    ...state.returning.map((r) => r.item),
    ...state.gradings.map((g) => g.item),
    ...(state.undoing ? [state.undoing.item] : []),
  ];
  return [...new Set(items.map((i) => i.key))];
}

/** The request that saves a flashcard's grade, or null when there is nothing to save. */
export function flashcardRequest(
  state: StudyState,
  grade: GradeName,
  reviewId: string,
  now: number,
): GradeRequest | null {
  const item = state.queue[0];
  if (!state.isScheduled || !item || isQuestion(item) || !state.revealed) return null;
  const timing = {
    durationMs: Math.max(0, Math.round(now - state.shownAt)),
    clientTime: new Date(now).toISOString(),
  };
  return { reviewId, ref: item.ref, grade, ...timing };
}

/**
 * The request that saves a practice answer, or null when there is nothing to save. Call it with
 * the state before the "submit" action and send it only if that action gave feedback.
 */
export function answerRequest(state: StudyState, reviewId: string, now: number): GradeRequest | null {
  const item = state.queue[0];
  if (!state.isScheduled || !item || !isQuestion(item) || state.feedback) return null;
  const timing = {
    durationMs: Math.max(0, Math.round(now - state.shownAt)),
    clientTime: new Date(now).toISOString(),
  };
  return {
    reviewId,
    ref: item.ref,
    answer: givenAnswer(item, state.draft),
    confidence: state.draft.confidence,
    ...timing,
  };
}

// i18n-keys: study.keys.*
export type HintWords = "grade" | "reveal" | "next" | "typed" | "ordering" | "pick";

/**
 * The key hint under a card, true to what the keys do for its kind, as a key of the `study.keys`
 * catalog (key names stay as printed on the keyboard in every language).
 * @example keyHint(state) // { key: "pick", values: { last: 3 } }: "1–3 to pick · Enter to check"
 */
export function keyHint(state: StudyState): Said<HintWords> | null {
  const item = state.queue[0];
  if (!item) return null;
  if (!isQuestion(item)) return { key: state.revealed ? "grade" : "reveal" };
  if (state.feedback) return { key: "next" };
  if (item.kind === "typed") return { key: "typed" };
  if (item.kind === "ordering") return { key: "ordering" };
  return { key: "pick", values: { last: Math.min(item.options.length, 9) } };
}
