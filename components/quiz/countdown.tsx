"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

const ANNOUNCE_AT = [10, 5, 1];

/** "12:05" or "1:02:03". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/**
 * A visible countdown to the deadline (server time, corrected for the browser's clock). Screen
 * readers hear it only at 10, 5 and 1 minutes left, through a polite live region.
 */
export function Countdown({
  deadline,
  clockOffsetMs,
  onExpire,
}: {
  deadline: string;
  clockOffsetMs: number;
  onExpire: () => void;
}) {
  const t = useTranslations("quiz.countdown");
  const end = new Date(deadline).getTime();
  const left = () => end - (Date.now() + clockOffsetMs);
  const [remaining, setRemaining] = useState(left);
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(new Set<number>());
  const expired = useRef(false);
  useEffect(() => {
    const tick = () => {
      const ms = end - (Date.now() + clockOffsetMs);
      setRemaining(ms);
      for (const minutes of ANNOUNCE_AT) {
        if (ms <= minutes * 60_000 && ms > (minutes - 1) * 60_000 && !announced.current.has(minutes)) {
          announced.current.add(minutes);
          setAnnouncement(t("minutesLeft", { minutes }));
        }
      }
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        onExpire();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end, clockOffsetMs, onExpire, t]);
  return (
    <div className={`countdown${remaining < 60_000 ? " countdown--urgent" : ""}`}>
      <span className="muted">{t("timeLeft")} </span>
      <time aria-label={t("timeLeft")} role="timer" aria-live="off">
        {clock(remaining)}
      </time>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
