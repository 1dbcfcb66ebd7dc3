"use client";

import { useFormatter, useTranslations } from "next-intl";
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
  const t = useTranslations("study.empty");
  const format = useFormatter();
  const soonest = returning.reduce<number | null>(
    (min, r) => (min === null || r.dueAt < min ? r.dueAt : min),
    null,
  );
  if (soonest !== null) {
    const minutes = Math.max(1, Math.ceil((soonest - now) / 60_000));
    return (
      <div className="notice" role="status">
        <p>
          <strong>{t("returning", { minutes })}</strong> {t("stillLearning")}
        </p>
        <button type="button" className="button" onClick={onStudyAhead}>
          {t("studyNow")}
        </button>
      </div>
    );
  }
  return (
    <div className="notice" role="status">
      <p>
        <strong>{mode === "review" ? t("nothingDue") : t("setDone")}</strong>
      </p>
      {mode === "review" ? (
        <p>
          {nextDueAt
            ? t("nextDue", {
                when: format.dateTime(new Date(nextDueAt), { dateStyle: "medium", timeStyle: "short" }),
              })
            : t("noneScheduled")}
        </p>
      ) : null}
    </div>
  );
}
