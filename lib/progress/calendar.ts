import { studyDayKey, timeZoneOffsetMinutes } from "../srs/study-day";

/** A learner's day: their time zone and the hour their study day starts. */
export type DayRule = { timeZone: string; dayStartHour: number };

/** UTC offset (minutes east) of `timeZone` at `ms`. */
const offsetMinutes = (timeZone: string, ms: number) => timeZoneOffsetMinutes(timeZone, new Date(ms));

/** The instant a local wall-clock time (given as if it were UTC) happens in `timeZone`. */
function localToInstant(localMs: number, timeZone: string): Date {
  const guess = localMs - offsetMinutes(timeZone, localMs) * 60_000;
  return new Date(localMs - offsetMinutes(timeZone, guess) * 60_000);
}

/**
 * The starts of the learner's last `days` study days up to and including the one containing `now`,
 * oldest first, each with its date key. Days are stepped on the calendar, not by adding 24 hours,
 * so a daylight-saving change gives a 23- or 25-hour day.
 */
export function studyDays(now: Date, rule: DayRule, days: number): Array<{ key: string; start: Date }> {
  const [y, m, d] = studyDayKey(now, rule.timeZone, rule.dayStartHour).split("-").map(Number) as [
    number,
    number,
    number,
  ];
  const out: Array<{ key: string; start: Date }> = [];
  for (let i = days - 1; i >= 0; i -= 1) {
    const local = Date.UTC(y, m - 1, d - i, rule.dayStartHour);
    out.push({
      key: new Date(local).toISOString().slice(0, 10),
      start: localToInstant(local, rule.timeZone),
    });
  }
  return out;
}

/** Index of the day containing `at` in ascending `starts`, or -1 before the first. Binary search. */
export function dayIndex(starts: readonly Date[], at: Date): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  const t = at.getTime();
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as Date).getTime() <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Counts per study day over the last `days` days (oldest first). Times after `now` count in
 * today; times before the first day are dropped.
 */
export function countByDay(
  times: readonly Date[],
  now: Date,
  rule: DayRule,
  days: number,
): Array<{ date: string; count: number }> {
  const calendar = studyDays(now, rule, days);
  const starts = calendar.map((d) => d.start);
  const counts = new Array<number>(calendar.length).fill(0);
  for (const t of times) {
    const i = dayIndex(starts, t);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return calendar.map((d, i) => ({ date: d.key, count: counts[i] ?? 0 }));
}

/**
 * Current and longest streak of consecutive study days with at least one review. Today without a
 * review yet does not break the current streak (it still counts yesterday's run).
 * @example streaks([{count:1},{count:1},{count:0},{count:2},{count:0}]) // { current: 1, longest: 2 }
 */
export function streaks(days: ReadonlyArray<{ count: number }>): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  for (const d of days) {
    run = d.count > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let i = days.length - 1;
  if (i >= 0 && (days[i]?.count ?? 0) === 0) i -= 1;
  for (; i >= 0 && (days[i]?.count ?? 0) > 0; i -= 1) current += 1;
  return { current, longest };
}
