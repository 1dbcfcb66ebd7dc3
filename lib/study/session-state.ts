import type { CardPhase, GradeName } from "@/lib/srs";
import { type Draft, emptyDraft, type Feedback } from "./draft";
import type { QueueItem, QueueView, StudyCounts, StudyMode } from "./views";

// The study session's state and the actions that move it (the reducer is session.ts). Plain data:
// a session can be rebuilt from its actions in a test.

/**
 * Words the session says (an announcement, a notice, a key hint) as a key of the `study.session`
 * catalog and its values: the reducer stays pure and the page words them in the learner's language.
 */
export type Said<Key extends string = SessionWords> = {
  key: Key;
  values?: Record<string, string | number>;
};

// i18n-keys: study.session.*
export type SessionWords =
  | "graded"
  | "correct"
  | "notQuite"
  | "suspended"
  | "buried"
  | "undone"
  | "undoneUntitled"
  | "typeFirst"
  | "orderFirst"
  | "pickFirst";

/** A card graded into a learning step this soon comes back in the same session. */
export const SAME_SESSION_MS = 20 * 60_000;

/** One grading in this session, newest last: what Undo takes back. */
export type Grading = {
  item: QueueItem;
  /** The grading's id on the server; null in cram and "missed today", which save nothing. */
  reviewId: string | null;
  /** The card's first grading this session: undoing it makes the card one of the day's unseen again. */
  isFirst: boolean;
};

/** A card waiting for its learning step, back in the queue at `dueAt` (ms). */
export type Returning = { item: QueueItem; dueAt: number };

export type StudyState = {
  isScheduled: boolean;
  queue: QueueItem[];
  returning: Returning[];
  gradings: Grading[];
  /** The grading whose undo the server is working on. */
  undoing: Grading | null;
  /** The day's cards not yet graded in this session, by kind (the server's counts at the start). */
  unseen: StudyCounts;
  /** Counts the cards shown: a new value means a fresh card on screen (focus moves to it). */
  shown: number;
  shownAt: number;
  revealed: boolean;
  draft: Draft;
  feedback: Feedback | null;
  now: number;
  nextDueAt: string | null;
  isFetching: boolean;
  isExhausted: boolean;
  /** For screen readers only. */
  announcement: Said | null;
  /** Shown and announced: an undo done, or why a key did nothing. */
  notice: Said | null;
  error: string | null;
};

export type StudyAction =
  | { type: "reveal" }
  | { type: "draft"; draft: Draft }
  | { type: "pick"; index: number }
  | { type: "grade"; grade: GradeName; reviewId: string | null; now: number }
  | { type: "submit"; isExplicit: boolean; reviewId: string | null; now: number }
  | { type: "next"; now: number }
  | { type: "saved"; reviewId: string; due: number; phase: CardPhase; now: number }
  | { type: "saveFailed"; reviewId: string; message: string }
  | { type: "undoStart" }
  | { type: "undone"; now: number }
  | { type: "undoFailed"; message: string }
  | { type: "removed"; key: string; how: "suspend" | "bury"; now: number }
  | { type: "failed"; message: string }
  | { type: "loadStart" }
  | { type: "loaded"; items: QueueItem[]; nextDueAt: string | null; now: number }
  | { type: "loadFailed" }
  | { type: "tick"; now: number }
  | { type: "studyAhead"; now: number }
  | { type: "dismissError" };

export const category = (item: QueueItem): keyof StudyCounts =>
  item.phase === "new" ? "new" : item.phase === "review" ? "due" : "learning";

/** The session as the page opens it, from the server's first queue. */
export function initialStudyState(view: QueueView, mode: StudyMode, now: number): StudyState {
  return {
    isScheduled: mode === "review",
    queue: view.items,
    returning: [],
    gradings: [],
    undoing: null,
    unseen: view.counts,
    shown: 0,
    shownAt: now,
    revealed: false,
    draft: emptyDraft(view.items[0]),
    feedback: null,
    now,
    nextDueAt: view.nextDueAt,
    isFetching: false,
    isExhausted: view.items.length === 0,
    announcement: null,
    notice: null,
    error: null,
  };
}
