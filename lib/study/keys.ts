import type { GradeName } from "@/lib/srs";

// What a key press means on the study page, decided from plain facts about the key, where focus
// is and what the card on screen shows. Pure: the hook in components/study/use-study-keys.ts reads
// the DOM and calls this.

/** Where focus was: the card's own answer field, another text field, a control, or elsewhere. */
export type KeyTarget = "answer-field" | "text-field" | "control" | "page";

export type KeyPress = {
  key: string;
  hasModifier: boolean;
  /** An input method (IME) is composing: the key belongs to it. */
  isComposing: boolean;
  target: KeyTarget;
};

export type CardKeys = {
  kind: "none" | "flashcard" | "choice" | "typed" | "ordering";
  revealed: boolean;
  answered: boolean;
  optionCount: number;
  canUndo: boolean;
};

export type KeyIntent =
  | { type: "reveal" }
  | { type: "grade"; grade: GradeName }
  | { type: "pick"; index: number }
  | { type: "submit" }
  | { type: "next" }
  | { type: "undo" }
  /** Move focus into the answer field and let the key land there. */
  | { type: "focus-answer" };

const GRADE_KEYS: Record<string, GradeName> = { "1": "again", "2": "hard", "3": "good", "4": "easy" };

/**
 * The intent of a key press, or null to leave it to the browser. Single-key shortcuts never fire
 * in a text field or while an IME composes; on a typed-answer card, typing goes into its field.
 * @example keyIntent({ key: "z", hasModifier: false, isComposing: false, target: "page" }, card) // { type: "undo" }
 */
export function keyIntent(press: KeyPress, card: CardKeys): KeyIntent | null {
  const { key, target } = press;
  if (press.hasModifier || press.isComposing || target === "text-field") return null;
  if (target === "answer-field") {
    if (key !== "Enter") return null;
    return card.answered ? { type: "next" } : { type: "submit" };
  }
  const isUndoKey = key === "z" || key === "Z";
  if (card.kind === "none") return isUndoKey && card.canUndo ? { type: "undo" } : null;
  if (card.kind === "typed" && !card.answered) {
    if (key === "Enter" && target !== "control") return { type: "submit" };
    // A letter typed before clicking into the field is the start of the answer, never Undo.
    return key.length === 1 && key !== " " ? { type: "focus-answer" } : null;
  }
  if (isUndoKey) return card.canUndo ? { type: "undo" } : null;
  if (card.kind === "flashcard") {
    if (target === "control") return null;
    if (!card.revealed) return key === " " || key === "Enter" ? { type: "reveal" } : null;
    const grade = GRADE_KEYS[key];
    return grade ? { type: "grade", grade } : null;
  }
  if (key === "Enter" && target !== "control") return card.answered ? { type: "next" } : { type: "submit" };
  if (card.kind === "choice" && !card.answered && /^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < card.optionCount ? { type: "pick", index } : null;
  }
  return null;
}
