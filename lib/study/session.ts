import {
  cardLabel,
  type Draft,
  emptyDraft,
  isAnswerGiven,
  isDraftCorrect,
  isQuestion,
  toggleKey,
} from "./draft";
import {
  category,
  type Returning,
  SAME_SESSION_MS,
  type Said,
  type StudyAction,
  type StudyState,
} from "./session-state";
import type { QueueItem } from "./views";

// The study session as one pure reducer: the queue (its head is the card on screen), the answer
// in progress, gradings and their undo, cards coming back for a learning step, and prefetched
// cards. Time comes in with the actions; saving and fetching happen outside, in the page's hooks,
// which report back with actions ("saved", "loaded", "undone"…).

/** Puts `queue` in place with its head shown afresh: nothing revealed, picked or typed. */
function show(state: StudyState, queue: QueueItem[], now: number): StudyState {
  return {
    ...state,
    queue,
    revealed: false,
    feedback: null,
    draft: emptyDraft(queue[0]),
    shownAt: now,
    shown: state.shown + 1,
  };
}

/** Adds cards at the end of the queue; an empty queue shows the first of them. */
function append(state: StudyState, items: QueueItem[], now: number): StudyState {
  if (items.length === 0) return state;
  const queue = [...state.queue, ...items];
  return state.queue.length === 0 ? show(state, queue, now) : { ...state, queue };
}

/** Records a grading of the card on screen and takes one off the day's unseen if it is its first. */
function record(state: StudyState, reviewId: string | null): StudyState {
  const item = state.queue[0] as QueueItem;
  const isFirst = !state.gradings.some((g) => g.item.key === item.key);
  const kind = category(item);
  const unseen =
    state.isScheduled && isFirst
      ? { ...state.unseen, [kind]: Math.max(0, state.unseen[kind] - 1) }
      : state.unseen;
  return { ...state, unseen, notice: null, gradings: [...state.gradings, { item, reviewId, isFirst }] };
}

/** Moves past the card on screen; in cram a missed card goes round again at the end. */
function advance(state: StudyState, now: number, isRequeued: boolean): StudyState {
  const [head, ...rest] = state.queue;
  return show(state, isRequeued && head ? [...rest, head] : rest, now);
}

/**
 * The next session state after `action`; the same object when the action does not apply (a grade
 * before the answer is shown, an undo with nothing to undo), so React skips the render.
 * @example studyReducer(state, { type: "grade", grade: "good", reviewId, now: Date.now() })
 */
export function studyReducer(state: StudyState, action: StudyAction): StudyState {
  const current = state.queue[0];
  switch (action.type) {
    case "reveal":
      return current && !isQuestion(current) && !state.revealed ? { ...state, revealed: true } : state;
    case "draft":
      return current && !state.feedback ? { ...state, draft: action.draft, notice: null } : state;
    case "pick": {
      const option = current?.options[action.index];
      if (!current || !option || state.feedback || !isQuestion(current) || current.kind === "ordering")
        return state;
      if (current.kind === "typed") return state;
      return { ...state, draft: toggleKey(current, state.draft, option.key), notice: null };
    }
    case "grade": {
      if (!current || isQuestion(current) || !state.revealed) return state;
      const graded = record(state, state.isScheduled ? action.reviewId : null);
      return {
        ...advance(graded, action.now, !state.isScheduled && action.grade === "again"),
        announcement: { key: "graded", values: { grade: action.grade } },
      };
    }
    case "submit": {
      if (!current || !isQuestion(current) || state.feedback) return state;
      const notice = submitRefusal(current, state.draft, action.isExplicit);
      if (notice) return { ...state, notice };
      const isCorrect = isDraftCorrect(current, state.draft);
      const { keys, typed, order } = state.draft;
      const announcement: Said = { key: isCorrect ? "correct" : "notQuite" };
      const answered = { ...state, feedback: { isCorrect, keys, typed, order }, announcement };
      return state.isScheduled ? record(answered, action.reviewId) : { ...answered, notice: null };
    }
    case "next": {
      if (!current || !state.feedback) return state;
      if (state.isScheduled) return advance(state, action.now, false);
      return advance(record(state, null), action.now, !state.feedback.isCorrect);
    }
    case "saved": {
      const grading = [...state.gradings, ...(state.undoing ? [state.undoing] : [])].find(
        (g) => g.reviewId === action.reviewId,
      );
      if (!grading || action.phase === "review" || action.due - action.now >= SAME_SESSION_MS) return state;
      const key = grading.item.key;
      return {
        ...state,
        returning: [
          ...state.returning.filter((r) => r.item.key !== key),
          { item: grading.item, dueAt: action.due },
        ],
      };
    }
    case "saveFailed":
      return { ...state, error: action.message };
    case "undoStart": {
      const last = state.gradings[state.gradings.length - 1];
      if (!last || state.undoing) return state;
      return { ...state, undoing: last, gradings: state.gradings.slice(0, -1) };
    }
    case "undone": {
      const undone = state.undoing;
      if (!undone) return state;
      const { item } = undone;
      const label = cardLabel(item);
      const kind = category(item);
      const unseen =
        state.isScheduled && undone.isFirst
          ? { ...state.unseen, [kind]: state.unseen[kind] + 1 }
          : state.unseen;
      // A question still showing its feedback is the one being undone: replace it, don't stack it.
      const queue = [item, ...state.queue.filter((i) => i.key !== item.key)];
      return {
        ...show({ ...state, undoing: null, unseen }, queue, action.now),
        returning: state.returning.filter((r) => r.item.key !== item.key),
        announcement: null,
        notice: label ? { key: "undone", values: { card: label } } : { key: "undoneUntitled" },
      };
    }
    case "undoFailed":
      if (!state.undoing) return state;
      return { ...state, gradings: [...state.gradings, state.undoing], undoing: null, error: action.message };
    case "removed": {
      const item = state.queue.find((i) => i.key === action.key);
      if (!item) return state;
      const kind = category(item);
      const isUnseen = state.isScheduled && !state.gradings.some((g) => g.item.key === item.key);
      const unseen = isUnseen
        ? { ...state.unseen, [kind]: Math.max(0, state.unseen[kind] - 1) }
        : state.unseen;
      const queue = state.queue.filter((i) => i.key !== item.key);
      const rest = { ...state, unseen };
      return {
        ...(current?.key === item.key ? show(rest, queue, action.now) : { ...rest, queue }),
        announcement: { key: action.how === "suspend" ? "suspended" : "buried" },
      };
    }
    case "failed":
      return { ...state, error: action.message };
    case "loadStart":
      return { ...state, isFetching: true };
    case "loaded": {
      const have = new Set(state.queue.map((i) => i.key));
      const fresh = action.items.filter((i) => !have.has(i.key));
      const loaded = {
        ...state,
        isFetching: false,
        isExhausted: action.items.length === 0,
        nextDueAt: action.nextDueAt,
      };
      return append(loaded, fresh, action.now);
    }
    case "loadFailed":
      return { ...state, isFetching: false };
    case "tick":
    case "studyAhead": {
      const isReady = (r: Returning) => action.type === "studyAhead" || r.dueAt <= action.now;
      const ready = state.returning.filter(isReady);
      if (ready.length === 0) return action.now === state.now ? state : { ...state, now: action.now };
      const back = ready.map((r) => ({ ...r.item, phase: "learning" as const }));
      const rest = { ...state, now: action.now, returning: state.returning.filter((r) => !isReady(r)) };
      return append(rest, back, action.now);
    }
    case "dismissError":
      return { ...state, error: null };
  }
}

/** Why an answer cannot be checked yet, or null when it can. */
function submitRefusal(item: QueueItem, draft: Draft, isExplicit: boolean): Said | null {
  if (isAnswerGiven(item, draft)) return null;
  if (item.kind === "typed") return { key: "typeFirst" };
  // The starting order is a shuffle, never the answer: Enter alone must not hand it in.
  if (item.kind === "ordering") return isExplicit ? null : { key: "orderFirst" };
  return { key: "pickFirst" };
}
