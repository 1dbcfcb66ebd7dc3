"use client";

import { useEffect, useRef } from "react";
import { type FocusInfo, type QuizKeyContext, type QuizKeyIntent, quizKeyIntent } from "@/lib/quiz/shortcuts";

/** Reads where focus is for the shortcut rules (lib/quiz/shortcuts.ts). */
function focusOf(target: EventTarget | null): FocusInfo {
  if (!(target instanceof HTMLElement)) return { tag: "BODY" };
  return {
    tag: target.tagName,
    type: target instanceof HTMLInputElement ? target.type.toLowerCase() : undefined,
    isEditable: target.isContentEditable || target.closest("[role=textbox]") !== null,
    isAnswerField: target.hasAttribute("data-answer-field"),
    isInDialog: target.closest("dialog[open], [role=dialog]") !== null,
  };
}

/**
 * The quiz runner's keyboard: digits pick, Enter checks or moves on (see `quizKeyIntent`). `ctx`
 * is the question on screen, or null on the review screen; `run` does what the key asks.
 */
export function useQuizKeys(ctx: QuizKeyContext | null, run: (intent: NonNullable<QuizKeyIntent>) => void) {
  const latest = useRef({ ctx, run });
  useEffect(() => {
    latest.current = { ctx, run };
  }, [ctx, run]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const intent = quizKeyIntent(event, focusOf(event.target), latest.current.ctx);
      if (!intent) return;
      event.preventDefault();
      latest.current.run(intent);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
