"use client";

import type { Returning } from "@/lib/study/session-state";
import type { StudyMode } from "@/lib/study/views";

/** What the learner sees with no card to show: a card coming back soon, or nothing due. */
export function EmptyState({
  returning,
  now,
  nextDueAt,
  mode,
  onStudyAhead,
}: {
  returning: Returning[];
  now: number;
  nextDueAt: string | null;
  mode: StudyMode;
  onStudyAhead: () => void;
}) {
  const soonest = returning.reduce<number | null>(
    (min, r) => (min === null || r.dueAt < min ? r.dueAt : min),
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
