// Words for times on Today and the quiz list: "in 3 hours", "12 minutes left", and a date as a
// person reads it in a given time zone. Pure: `now` and the zone are arguments.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * A span of time in the largest whole unit that reads naturally.
 * @example spanText(90 * 60_000) // "1 hour 30 minutes"
 * @example spanText(3 * 86_400_000) // "3 days"
 */
export function spanText(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return "less than a minute";
  if (span < HOUR) return plural(Math.round(span / MINUTE), "minute");
  if (span < DAY) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.round((span - hours * HOUR) / MINUTE);
    return minutes === 0 || hours >= 6
      ? plural(Math.round(span / HOUR), "hour")
      : `${plural(hours, "hour")} ${plural(minutes, "minute")}`;
  }
  return plural(Math.round(span / DAY), "day");
}

/**
 * How long until `at`, in words.
 * @example untilText("2026-03-02T13:00:00Z", new Date("2026-03-02T10:00:00Z")) // "in 3 hours"
 */
export function untilText(at: string, now: Date): string {
  const ms = new Date(at).getTime() - now.getTime();
  return ms <= 0 ? "now" : `in ${spanText(ms)}`;
}

/**
 * A date and time as the reader's clock shows it, with the zone's short name; the year unless
 * `now` says it is this year.
 * @example dateTimeText("2026-03-02T10:00:00Z", "Europe/Paris") // "Mon, Mar 2, 2026, 11:00 AM GMT+1"
 */
export function dateTimeText(iso: string, timeZone: string, now?: Date): string {
  const date = new Date(iso);
  // The year is left out only when it is known to be this year.
  const sameYear = now !== undefined && date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat("en", {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  })
    .format(date)
    .replace(/\u202f/g, " ");
}
