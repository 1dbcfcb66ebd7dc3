/**
 * Taskdeck counts a learner's day from a chosen hour (default 4 am) in their own time zone, as Anki
 * does, so a late-night session belongs to the day it started in.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset (minutes east of UTC) of `timeZone` at `at`. One formatter per zone is kept: it runs in loops. */
export function timeZoneOffsetMinutes(timeZone: string, at: Date): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant the learner's current study day began.
 * @example studyDayStart(new Date("2026-03-10T02:00:00Z"), "UTC", 4) // 2026-03-09T04:00:00Z
 */
export function studyDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  const offset = timeZoneOffsetMinutes(timeZone, now);
  const local = new Date(now.getTime() + offset * 60_000);
  const startLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), dayStartHour);
  const dayStartLocal = startLocal > local.getTime() ? startLocal - 86_400_000 : startLocal;
  // Convert back with the offset in force at that instant (it differs across a DST change).
  const guess = dayStartLocal - offset * 60_000;
  const offsetThen = timeZoneOffsetMinutes(timeZone, new Date(guess));
  return new Date(dayStartLocal - offsetThen * 60_000);
}

/** The learner's calendar date ("2026-03-09") of the study day containing `at`. */
export function studyDayKey(at: Date, timeZone: string, dayStartHour: number): string {
  const start = studyDayStart(at, timeZone, dayStartHour);
  const offset = timeZoneOffsetMinutes(timeZone, start);
  return new Date(start.getTime() + offset * 60_000).toISOString().slice(0, 10);
}
