import type { QuestionKind } from "@/lib/bank";

// The quiz and exam runner's keyboard, decided without a DOM so it can be tested: digits pick an
// option, Enter checks (immediate feedback) or moves on. A learner typing an answer, composing
// with an input method (Japanese, Chinese, …) or holding a modifier never triggers a shortcut.

/** The parts of a keydown a shortcut decision reads (a DOM KeyboardEvent has them all). */
export type KeyPress = {
  key: string;
  /** 229 while an input method composes, in browsers that do not set `isComposing`. */
  keyCode?: number;
  isComposing?: boolean;
  repeat?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
};

/** Where keyboard focus is when the key is pressed (read from the DOM by the hook). */
export type FocusInfo = {
  /** Upper-case tag name of the focused element ("BODY" when nothing is focused). */
  tag: string;
  /** An input's type attribute, lower-case. */
  type?: string;
  /** True inside a contenteditable region or a role="textbox". */
  isEditable?: boolean;
  /** True for the typed question's own answer box, where Enter answers. */
  isAnswerField?: boolean;
  /** True inside an open dialog (the submit confirmation): its own buttons take the keys. */
  isInDialog?: boolean;
};

/** The question on screen, as the keyboard needs it; null on the review screen. */
export type QuizKeyContext = {
  kind: QuestionKind;
  optionCount: number;
  /** The answer was checked (immediate feedback) and can no longer change. */
  isLocked: boolean;
  /** The quiz gives immediate feedback, so Enter can check an answer. */
  canCheck: boolean;
  isAnswered: boolean;
  isLast: boolean;
};

export type QuizKeyIntent =
  | { action: "pick"; index: number }
  | { action: "check" }
  | { action: "next" }
  | null;

/** Input types that take no typing: a digit on them is free for a shortcut. */
const NON_TEXT_INPUTS = new Set([
  "radio",
  "checkbox",
  "button",
  "submit",
  "reset",
  "range",
  "color",
  "file",
  "image",
]);

/** Kinds whose options a digit picks. Ordering (buttons move items) and typed answers have none. */
const PICKABLE: ReadonlySet<QuestionKind> = new Set(["single", "multiple", "true-false"]);

/**
 * Whether focus is somewhere a learner types: a text input, a textarea, a select (which takes
 * letters and digits to choose), or contenteditable. Single-key shortcuts never fire there.
 * @example isTextEntry({ tag: "INPUT", type: "text" }) // true
 * @example isTextEntry({ tag: "INPUT", type: "radio" }) // false
 */
export function isTextEntry(focus: FocusInfo): boolean {
  if (focus.isEditable) return true;
  if (focus.tag === "TEXTAREA" || focus.tag === "SELECT") return true;
  if (focus.tag === "INPUT") return !NON_TEXT_INPUTS.has(focus.type ?? "text");
  return false;
}

/** Whether an input method is composing: Enter then confirms the composition, not the answer. */
export const isComposing = (press: KeyPress) => press.isComposing === true || press.keyCode === 229;

/** Elements whose own Enter does something (press a button, follow a link, open a summary). */
const ENTER_HANDLED_BY_FOCUS = new Set(["BUTTON", "A", "SUMMARY", "SELECT", "TEXTAREA"]);

/** Whether Enter may check this answer: only a choice or typed answer the learner gave. */
const enterChecks = (ctx: QuizKeyContext) =>
  ctx.canCheck && !ctx.isLocked && ctx.isAnswered && ctx.kind !== "ordering";

/**
 * What a key press does in the quiz runner, or null when it is not a shortcut there.
 * - 1–9 pick (single, true/false) or tick/untick (multiple) that option; nothing for ordering and
 *   typed questions, nothing once an answer is locked.
 * - Enter checks the answer when the quiz gives immediate feedback, otherwise (or once checked)
 *   goes to the next question, or to the review screen from the last. Enter never checks an
 *   ordering answer, so the order the items were drawn in is never sent by accident.
 * @example quizKeyIntent({ key: "2" }, { tag: "BODY" }, { kind: "single", optionCount: 4, … }) // { action: "pick", index: 1 }
 */
export function quizKeyIntent(press: KeyPress, focus: FocusInfo, ctx: QuizKeyContext | null): QuizKeyIntent {
  if (!ctx || focus.isInDialog) return null;
  if (press.ctrlKey || press.metaKey || press.altKey || isComposing(press)) return null;
  if (press.key === "Enter") {
    if (press.repeat) return null;
    if (isTextEntry(focus) && !focus.isAnswerField) return null;
    if (ENTER_HANDLED_BY_FOCUS.has(focus.tag)) return null;
    return enterChecks(ctx) ? { action: "check" } : { action: "next" };
  }
  if (!/^[1-9]$/.test(press.key) || press.repeat || isTextEntry(focus)) return null;
  if (!PICKABLE.has(ctx.kind) || ctx.isLocked) return null;
  const index = Number(press.key) - 1;
  return index < ctx.optionCount ? { action: "pick", index } : null;
}

/** One key hint: a catalog key (`quiz.runner.keys.*`) and, for the digit hints, the keys' range. */
export type QuizKeyHint = { key: "pick" | "tick" | "check" | "review" | "next"; range?: string };

/**
 * The key hints shown under a question, matching what `quizKeyIntent` does for it. The runner
 * words them in the page's language; key names stay as printed on the keyboard.
 * @example quizKeyHints({ kind: "ordering", canCheck: false, isLast: false, … }) // [{ key: "next" }]
 */
export function quizKeyHints(ctx: QuizKeyContext): QuizKeyHint[] {
  const hints: QuizKeyHint[] = [];
  const last = Math.min(ctx.optionCount, 9);
  if (PICKABLE.has(ctx.kind) && !ctx.isLocked && last > 0) {
    const range = last === 1 ? "1" : `1–${last}`;
    hints.push({ key: ctx.kind === "multiple" ? "tick" : "pick", range });
  }
  if (enterChecks(ctx)) hints.push({ key: "check" });
  else hints.push({ key: ctx.isLast ? "review" : "next" });
  return hints;
}
