import { useEffect, useLayoutEffect, useRef } from "react";
import { type CardKeys, type KeyIntent, type KeyTarget, keyIntent } from "@/lib/study/keys";

export const TARGET_SELECTORS = {
  /** The typed-answer field (question-view.tsx): Enter there checks the answer, other keys type. */
  answer: "[data-study-answer]",
  text: "input:not([type]), input[type=text], input[type=search], input[type=email], input[type=number], input[type=password], input[type=url], textarea, select, [contenteditable]:not([contenteditable=false])",
  control: "button, a, summary, details, [role=dialog]",
} as const;

type Closest = { closest(selector: string): unknown };

/** Where a key was pressed, as far as the study shortcuts care. */
export function keyTarget(target: unknown): KeyTarget {
  const element = target && typeof (target as Closest).closest === "function" ? (target as Closest) : null;
  if (!element) return "page";
  if (element.closest(TARGET_SELECTORS.answer)) return "answer-field";
  if (element.closest(TARGET_SELECTORS.text)) return "text-field";
  if (element.closest(TARGET_SELECTORS.control)) return "control";
  return "page";
}

/** The parts of a KeyboardEvent the study shortcuts read. */
export type KeyEventLike = {
  key: string;
  keyCode?: number;
  isComposing?: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
  preventDefault(): void;
};

/**
 * A keydown listener: works out the intent (lib/study/keys.ts) and hands it on. Keys of an input
 * method (isComposing, or keyCode 229 which some browsers send instead) are never shortcuts.
 */
export function studyKeyHandler(card: () => CardKeys, onIntent: (intent: KeyIntent) => void) {
  return (event: KeyEventLike) => {
    const intent = keyIntent(
      {
        key: event.key,
        hasModifier: event.ctrlKey || event.metaKey || event.altKey,
        isComposing: Boolean(event.isComposing) || event.keyCode === 229,
        target: keyTarget(event.target),
      },
      card(),
    );
    if (!intent) return;
    // "focus-answer" lets the key's character land in the field it moved focus to.
    if (intent.type !== "focus-answer") event.preventDefault();
    onIntent(intent);
  };
}

/** Listens for the study shortcuts on the window while the page is hydrated. */
export function useStudyKeys(card: CardKeys, onIntent: (intent: KeyIntent) => void) {
  const latest = useRef({ card, onIntent });
  useLayoutEffect(() => {
    latest.current = { card, onIntent };
  });
  useEffect(() => {
    const handler = studyKeyHandler(
      () => latest.current.card,
      (intent) => latest.current.onIntent(intent),
    );
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, []);
}
