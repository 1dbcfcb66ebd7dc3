"use client";

import type { GradeName } from "@/lib/srs";

const BUTTONS: Array<{ grade: GradeName; label: string; key: string }> = [
  { grade: "again", label: "Again", key: "1" },
  { grade: "hard", label: "Hard", key: "2" },
  { grade: "good", label: "Good", key: "3" },
  { grade: "easy", label: "Easy", key: "4" },
];

/** The four grades, each showing when the card would come back. Keys 1–4 press them. */
export function GradeButtons({
  intervals,
  onGrade,
  disabled,
}: {
  intervals: Record<GradeName, string>;
  onGrade: (grade: GradeName) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="grade-buttons">
      <legend className="visually-hidden">How well did you remember?</legend>
      {BUTTONS.map(({ grade, label, key }) => (
        <button
          key={grade}
          type="button"
          className={`button grade-button grade-button--${grade}`}
          onClick={() => onGrade(grade)}
          disabled={disabled}
          aria-keyshortcuts={key}
          aria-label={`${label}, next in ${intervals[grade]} (key ${key})`}
        >
          <span className="grade-button__label">{label}</span>
          <span className="grade-button__interval" aria-hidden="true">
            {intervals[grade]}
          </span>
        </button>
      ))}
    </fieldset>
  );
}
