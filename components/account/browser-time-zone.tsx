"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { adoptTimeZoneAction } from "@/lib/server/actions/study-settings";

const KEY = "taskdeck.time-zone-sent.";

/**
 * On a learner's first signed-in visit, sends the browser's time zone, which the server saves
 * only when none was ever set (lib/server/data/study-settings.ts, adoptBrowserTimeZone): days,
 * streaks and due times are then in the learner's zone from the start instead of UTC. Once
 * answered, this browser does not ask again for this account, and the page is redrawn when its
 * zone came from the browser. Renders nothing; a failure changes nothing (the next page load tries again).
 */
export function BrowserTimeZone({ userId }: { userId: string }) {
  const router = useRouter();
  useEffect(() => {
    const key = KEY + userId;
    try {
      if (window.localStorage.getItem(key)) return;
    } catch {
      // Storage may be off (private mode): ask on every page load; the server decides.
    }
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    let isCurrent = true;
    adoptTimeZoneAction({ timeZone })
      .then((result) => {
        if (!result.ok) return;
        try {
          window.localStorage.setItem(key, "1");
        } catch {
          // As above.
        }
        // Redraw when this page may have been drawn in UTC: the zone was saved just now, or by a
        // request of this first visit that raced ahead (a quick click after signing up).
        if (result.isFromBrowser && isCurrent) router.refresh();
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [userId, router]);
  return null;
}
