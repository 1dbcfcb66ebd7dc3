"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { dateTimeText } from "./when";

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A date and time on the reader's own clock. The server renders it in the learner's saved time
 * zone; in the browser it switches to the browser's zone, so a deadline reads right wherever the
 * learner is. The zone's name is always part of the text; the words are in the page's language.
 */
export function LocalTime({ iso, savedZone, now }: { iso: string; savedZone: string; now?: string }) {
  const zone = useSyncExternalStore(never, browserZone, () => savedZone);
  const locale = useLocale();
  return <time dateTime={iso}>{dateTimeText(iso, zone, now ? new Date(now) : undefined, locale)}</time>;
}
