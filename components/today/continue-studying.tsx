"use client";

import Link from "next/link";
import { type KeyboardEvent, useEffect, useRef } from "react";

/**
 * Today's first control: it takes focus when the page opens, so one key press (Enter, or Space as
 * on a button) starts studying.
 */
export function ContinueStudying({ label }: { label: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // Only when nothing else has focus yet: a learner who already tabbed somewhere keeps their place.
    if (document.activeElement === document.body || document.activeElement === null) link.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    if (event.key === " ") {
      event.preventDefault();
      event.currentTarget.click();
    }
  };
  return (
    <Link ref={link} href="/study" className="button button--primary today-continue" onKeyDown={onKeyDown}>
      {label}
    </Link>
  );
}
