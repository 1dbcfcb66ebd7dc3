import { type DayRule, dayIndex, studyDays } from "./calendar";

/** One graded review, narrowed to what the trends need. */
export type ReviewPoint = { at: Date; isCorrect: boolean | null; grade: string | null; durationMs: number };

/** One week of reviews: accuracy and mean seconds per card. */
export type TrendWeek = {
  weekStart: string;
  reviews: number;
  accuracy: number | null;
  secondsPerCard: number | null;
};

/**
 * Weekly accuracy and time per card over the last `weeks` weeks (7 study days each, ending today).
 * A practice question is correct when marked so; a flashcard when graded anything but Again.
 */
export function weeklyTrends(
  points: readonly ReviewPoint[],
  now: Date,
  rule: DayRule,
  weeks = 12,
): TrendWeek[] {
  const days = studyDays(now, rule, weeks * 7);
  const starts = days.filter((_, i) => i % 7 === 0);
  const acc = starts.map(() => ({ reviews: 0, correct: 0, ms: 0 }));
  const weekStarts = starts.map((d) => d.start);
  for (const p of points) {
    const i = dayIndex(weekStarts, p.at);
    const bucket = i >= 0 ? acc[i] : undefined;
    if (!bucket) continue;
    bucket.reviews += 1;
    bucket.ms += p.durationMs;
    const correct = p.isCorrect ?? p.grade !== "again";
    if (correct) bucket.correct += 1;
  }
  return starts.map((d, i) => {
    const b = acc[i] ?? { reviews: 0, correct: 0, ms: 0 };
    return {
      weekStart: d.key,
      reviews: b.reviews,
      accuracy: b.reviews ? b.correct / b.reviews : null,
      secondsPerCard: b.reviews ? Math.round(b.ms / b.reviews / 100) / 10 : null,
    };
  });
}

/** One study day's graded reviews, counted (by the database) rather than listed. */
export type DayTotals = { date: string; reviews: number; correct: number; ms: number };

/**
 * `weeklyTrends` from per-day totals: `days` are consecutive study days ending today (oldest
 * first, as `studyDays` gives them); the last `weeks` × 7 of them make the weeks.
 */
export function weeklyTrendsFromDays(days: readonly DayTotals[], weeks = 12): TrendWeek[] {
  if (days.length < weeks * 7) throw new RangeError(`need ${weeks * 7} days, got ${days.length}`);
  const recent = days.slice(days.length - weeks * 7);
  return Array.from({ length: weeks }, (_, w) => {
    const week = recent.slice(w * 7, w * 7 + 7);
    const reviews = week.reduce((s, d) => s + d.reviews, 0);
    const correct = week.reduce((s, d) => s + d.correct, 0);
    const ms = week.reduce((s, d) => s + d.ms, 0);
    return {
      weekStart: week[0]?.date ?? "",
      reviews,
      accuracy: reviews ? correct / reviews : null,
      secondsPerCard: reviews ? Math.round(ms / reviews / 100) / 10 : null,
    };
  });
}
