import { checkAnswer, type GivenAnswer } from "@/lib/bank/check-answer";
import { textOfHtml } from "@/lib/bank/html-text";
import type { Confidence, QueueItem } from "./views";

// A practice question's answer while the learner works on it, and the pure helpers the study
// session uses to pick, order, check and name cards. No React, no DOM.

/** A practice question's answer in progress. */
export type Draft = { keys: string[]; typed: string; order: string[]; confidence: Confidence };

/** What the learner answered and whether it was right, shown until they move on. */
export type Feedback = { isCorrect: boolean; keys: string[]; typed: string; order: string[] };

/** The card kinds answered as practice questions; the rest (flashcard, cloze) are revealed and graded. */
export const QUESTION_KINDS: ReadonlySet<string> = new Set([
  "single",
  "multiple",
  "true-false",
  "typed",
  "ordering",
]);

export const isQuestion = (item: QueueItem) => QUESTION_KINDS.has(item.kind);

/** Single or true/false choices behave as radios; multiple choice as checkboxes. */
export const isMultiple = (item: QueueItem) => item.kind === "multiple";

/** Applies option `key` to a draft: radios replace, checkboxes toggle. */
export function toggleKey(item: QueueItem, draft: Draft, key: string): Draft {
  if (!isMultiple(item)) return { ...draft, keys: [key] };
  return {
    ...draft,
    keys: draft.keys.includes(key) ? draft.keys.filter((k) => k !== key) : [...draft.keys, key].sort(),
  };
}

/**
 * A stable shuffle per card, so an ordering question never starts in its answer order.
 * @example shuffled(["A", "B"], "q1|") // ["B", "A"]
 */
export function shuffled(keys: string[], seed: string): string[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const out = [...keys];
  for (let i = out.length - 1; i > 0; i -= 1) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  if (out.length > 1 && out.every((k, i) => k === keys[i])) out.push(out.shift() as string);
  return out;
}

/** A fresh answer for a card: nothing picked, nothing typed, an ordering shuffled. */
export const emptyDraft = (item: QueueItem | undefined): Draft => ({
  keys: [],
  typed: "",
  order: item?.order ? shuffled(item.order, item.key) : [],
  confidence: "sure",
});

/** Whether the learner has moved anything in an ordering question (its start is never the answer). */
export function isArranged(item: QueueItem, draft: Draft): boolean {
  const start = emptyDraft(item).order;
  return draft.order.some((key, i) => key !== start[i]);
}

/** The answer as the grading route takes it. */
export function givenAnswer(item: QueueItem, draft: Draft): GivenAnswer {
  if (item.kind === "typed") return { kind: "typed", text: draft.typed };
  if (item.kind === "ordering") return { kind: "ordering", keys: draft.order };
  return { kind: "choice", keys: draft.keys };
}

/** Whether a draft is an answer at all: something picked, typed, or arranged. */
export function isAnswerGiven(item: QueueItem, draft: Draft): boolean {
  if (item.kind === "typed") return draft.typed.trim() !== "";
  if (item.kind === "ordering") return isArranged(item, draft);
  return draft.keys.length > 0;
}

function answerKey(item: QueueItem) {
  return {
    kind: item.kind,
    options: item.options.map((o) => ({ key: o.key, text: o.html, correct: o.correct })),
    accepted: item.accepted,
    order: item.order ?? undefined,
    answer: item.trueFalse ?? undefined,
  };
}

/** Marks a draft against the card's key, as the server will. */
export const isDraftCorrect = (item: QueueItem, draft: Draft) =>
  checkAnswer(answerKey(item), givenAnswer(item, draft)).isCorrect;

/**
 * A card's name as a learner reads it: a question's title, or a flashcard's front, cut short;
 * "" when it has no text (the page then says "this card" in the learner's language).
 * @example cardLabel(item) // "Which launch type needs no EC2 instances?"
 */
export function cardLabel(item: QueueItem): string {
  const text = textOfHtml(isQuestion(item) ? item.titleHtml : item.promptHtml);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
