// Words for times on Today and the quiz list: "in 3 hours", "12 minutes left", and a date as a
// person reads it in a given time zone. Pure: `now`, the zone and the words (a translator for the
// `today.when` catalog, so "3 hours" / "3시간") are arguments.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The `today.when` messages, as next-intl's `t` for that namespace gives them. */
export type WhenWords = (
  key: "lessThanMinute" | "minutes" | "hours" | "hoursMinutes" | "days" | "now" | "in",
  values?: Record<string, string | number>,
) => string;

/**
 * A span of time in the largest whole unit that reads naturally.
 * @example spanText(90 * 60_000, t) // "1 hour 30 minutes" / "1시간 30분"
 * @example spanText(3 * 86_400_000, t) // "3 days" / "3일"
 */
export function spanText(ms: number, t: WhenWords): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return t("lessThanMinute");
  if (span < HOUR) return t("minutes", { count: Math.round(span / MINUTE) });
  if (span < DAY) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.round((span - hours * HOUR) / MINUTE);
    return minutes === 0 || hours >= 6
      ? t("hours", { count: Math.round(span / HOUR) })
      : t("hoursMinutes", { hours, minutes });
  }
  return t("days", { count: Math.round(span / DAY) });
}

/**
 * How long until `at`, in words.
 * @example untilText("2026-03-02T13:00:00Z", new Date("2026-03-02T10:00:00Z"), t) // "in 3 hours"
 */
export function untilText(at: string, now: Date, t: WhenWords): string {
  const ms = new Date(at).getTime() - now.getTime();
  return ms <= 0 ? t("now") : t("in", { span: spanText(ms, t) });
}

/**
 * A date and time as the reader's clock shows it, in the reader's language, with the zone's short
 * name; the year unless `now` says it is this year.
 * @example dateTimeText("2026-03-02T10:00:00Z", "Europe/Paris") // "Mon, Mar 2, 2026, 11:00 AM GMT+1"
 */
export function dateTimeText(iso: string, timeZone: string, now?: Date, locale = "en"): string {
  const date = new Date(iso);
  // The year is left out only when it is known to be this year.
  const sameYear = now !== undefined && date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(locale, {
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
