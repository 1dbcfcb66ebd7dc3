import { studyDayStart } from "../srs/study-day";
import { type DayRule, dayIndex, studyDays } from "./calendar";

const DAY_MS = 86_400_000;

/**
 * How many cards fall due on each of the next `days` study days (today first; overdue cards count
 * today). Day boundaries follow the learner's time zone and day-start hour.
 */
export function dueForecast(
  dues: readonly Date[],
  now: Date,
  rule: DayRule,
  days = 30,
): Array<{ date: string; due: number }> {
  // The study days from today forward: build backwards from the last one.
  // One day more than shown: its start closes the window.
  const last = new Date(now.getTime() + days * DAY_MS);
  const today = studyDayStart(now, rule.timeZone, rule.dayStartHour).getTime();
  const calendar = studyDays(last, rule, days + 3).filter((d) => d.start.getTime() >= today);
  const window = calendar.slice(0, days);
  const starts = calendar.slice(0, days + 1).map((d) => d.start);
  const counts = new Array<number>(window.length).fill(0);
  for (const due of dues) {
    const i = due.getTime() <= now.getTime() ? 0 : dayIndex(starts, due);
    if (i >= 0 && i < counts.length) counts[i] = (counts[i] ?? 0) + 1;
  }
  return window.map((d, i) => ({ date: d.key, due: counts[i] ?? 0 }));
}
