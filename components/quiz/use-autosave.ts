"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { postJson } from "@/components/ui/post-json";
import {
  type AutosaveItem,
  AutosaveQueue,
  type AutosaveStatus,
  saveOutcome,
} from "@/lib/quiz/autosave-queue";

/**
 * The quiz runner's autosave (lib/quiz/autosave-queue.ts holds the rules and their tests): every
 * change is posted to /api/quiz/autosave, typed answers after a pause; failures are tried again;
 * leaving the page sends what is still waiting. `onEnded` runs when the server says the attempt is
 * over (deadline passed, submitted in another tab).
 */
export function useAutosave(attemptId: string, onEnded: () => void) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  const endedRef = useRef(onEnded);
  useEffect(() => {
    endedRef.current = onEnded;
  }, [onEnded]);
  const queueRef = useRef<AutosaveQueue | null>(null);
  if (queueRef.current === null) {
    queueRef.current = new AutosaveQueue({
      send: async (item: AutosaveItem) =>
        saveOutcome(
          await postJson<{ saved: boolean }>(
            "/api/quiz/autosave",
            { attemptId, ...item },
            { idempotent: true },
          ),
        ),
      onStatus: setStatus,
      onEnded: () => endedRef.current(),
    });
  }

  // Leaving the page (another tab, a link, closing the laptop) sends what is still waiting.
  useEffect(() => {
    const queue = queueRef.current;
    const onHide = () => {
      if (document.visibilityState === "hidden") void queue?.flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      void queue?.flush();
    };
  }, []);

  const save = useCallback((item: AutosaveItem, delayMs = 0) => queueRef.current?.enqueue(item, delayMs), []);
  const flush = useCallback(async () => {
    await queueRef.current?.flush();
  }, []);
  return { status, save, flush };
}
