"use client";

import { useEffect } from "react";

/** How often a signed-in browser asks for its session to be extended. */
const EVERY_MS = 60 * 60 * 1000;
const KEY = "taskdeck.session-kept-at";

/**
 * Keeps a learner who studies every few days signed in. A session lasts 7 days from when it was
 * last extended; the pages read the session without extending it (no write on every request), so
 * a signed-in page asks better-auth's own endpoint, at most once an hour, which extends a session
 * more than a day old and re-sets its cookie (lib/server/auth/create-auth.ts, `updateAge`).
 * Renders nothing; a failure changes nothing (the session simply keeps its old end).
 */
export function SessionKeeper() {
  useEffect(() => {
    let last = 0;
    try {
      last = Number(window.localStorage.getItem(KEY) ?? 0);
    } catch {
      // Storage may be off (private mode): extend on every page load instead.
    }
    if (Date.now() - last < EVERY_MS) return;
    void fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store" })
      .then((response) => {
        if (!response.ok) return;
        try {
          window.localStorage.setItem(KEY, String(Date.now()));
        } catch {
          // As above.
        }
      })
      .catch(() => undefined);
  }, []);
  return null;
}
