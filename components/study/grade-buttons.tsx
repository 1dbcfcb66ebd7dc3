"use client";

import { useTranslations } from "next-intl";
import type { GradeName, Interval } from "@/lib/srs";

const BUTTONS: Array<{ grade: GradeName; key: string }> = [
  { grade: "again", key: "1" },
  { grade: "hard", key: "2" },
  { grade: "good", key: "3" },
  { grade: "easy", key: "4" },
];

/** The four grades, each showing when the card would come back. Keys 1–4 press them. */
export function GradeButtons({
  intervals,
  onGrade,
  disabled,
}: {
  intervals: Record<GradeName, Interval>;
  onGrade: (grade: GradeName) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("study");
  return (
    <fieldset className="grade-buttons">
      <legend className="visually-hidden">{t("grades.legend")}</legend>
      {BUTTONS.map(({ grade, key }) => {
        const label = t(`grades.${grade}`);
        // i18n-keys: study.grades.*
        // i18n-keys: study.interval.*
        // "10m" / "10분": the unit's message formats the count by the locale.
        const interval = t(`interval.${intervals[grade].unit}`, { count: intervals[grade].count });
        return (
          <button
            key={grade}
            type="button"
            className={`button grade-button grade-button--${grade}`}
            onClick={() => onGrade(grade)}
            disabled={disabled}
            aria-keyshortcuts={key}
            aria-label={t("grades.button", { grade: label, interval, key })}
          >
            <span className="grade-button__label">{label}</span>
            <span className="grade-button__interval" aria-hidden="true">
              {interval}
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
