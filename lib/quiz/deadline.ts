// When an attempt must end, and what the server accepts at a given moment. Pure: `now` is an argument.

/** Seconds after the deadline during which a save still counts (network latency, a last keystroke). */
export const GRACE_MS = 5_000;

/**
 * The attempt's deadline: the earlier of start + time limit and the quiz's close date (null: none).
 * @example attemptDeadline(new Date("2026-01-01T10:00Z"), 30, null) // 10:30
 */
export function attemptDeadline(
  startedAt: Date,
  timeLimitMinutes: number | null,
  closesAt: Date | null,
): Date | null {
  const byLimit = timeLimitMinutes ? new Date(startedAt.getTime() + timeLimitMinutes * 60_000) : null;
  if (byLimit && closesAt) return byLimit < closesAt ? byLimit : closesAt;
  return byLimit ?? closesAt;
}

/** True while saves and submission are accepted: before the deadline plus the grace. */
export function acceptsWork(now: Date, deadline: Date | null, graceMs = GRACE_MS): boolean {
  return deadline === null || now.getTime() <= deadline.getTime() + graceMs;
}

/** True when an open attempt has run out and must be finished at its deadline. */
export function isOverdue(now: Date, deadline: Date | null, graceMs = GRACE_MS): boolean {
  return !acceptsWork(now, deadline, graceMs);
}

/** Whether a quiz can be started now: "open", or why not. */
export function startWindow(
  now: Date,
  opensAt: Date | null,
  closesAt: Date | null,
): "open" | "not-yet" | "closed" {
  if (opensAt && now < opensAt) return "not-yet";
  if (closesAt && now >= closesAt) return "closed";
  return "open";
}

export const FEEDBACK_TIMINGS = ["immediate", "after-submit", "after-close"] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

/**
 * Whether a learner may see the key, explanations and rationales of a finished attempt (all of
 * its questions). While an attempt is open, "immediate" feedback shows only the questions the
 * learner checked, one at a time (lib/server/data/attempt-check.ts).
 */
export function mayReview(
  feedback: FeedbackTiming,
  attemptFinished: boolean,
  now: Date,
  closesAt: Date | null,
): boolean {
  if (!attemptFinished) return false;
  if (feedback === "after-close") return closesAt !== null && now >= closesAt;
  return true;
}
