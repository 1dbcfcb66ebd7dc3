import type { Question } from "./schema";
import { isTypedAnswerCorrect } from "./typed-answer";

/** What a learner answered, by kind: chosen option keys, true/false, typed text, or an order of keys. */
export type GivenAnswer =
  | { kind: "choice"; keys: string[] }
  | { kind: "true-false"; value: boolean }
  | { kind: "typed"; text: string }
  | { kind: "ordering"; keys: string[] };

/** The parts of a question that mark an answer (all a browser needs to give instant feedback). */
export type AnswerKey = Pick<Question, "kind" | "options" | "accepted" | "order" | "answer">;

/**
 * Marks an answer against the key. Choice questions need exactly the right set of options;
 * ordering needs the exact order; typed answers forgive case and spacing.
 * @example checkAnswer(q, { kind: "choice", keys: ["B"] }) // { isCorrect: true, wrongKeys: [] }
 */
export function checkAnswer(
  question: AnswerKey,
  given: GivenAnswer,
): { isCorrect: boolean; wrongKeys: string[]; missedKeys: string[] } {
  switch (question.kind) {
    case "single":
    case "multiple": {
      const keys = given.kind === "choice" ? new Set(given.keys) : new Set<string>();
      const right = new Set(question.options.filter((o) => o.correct).map((o) => o.key));
      const wrongKeys = [...keys].filter((k) => !right.has(k)).sort();
      const missedKeys = [...right].filter((k) => !keys.has(k)).sort();
      return { isCorrect: wrongKeys.length === 0 && missedKeys.length === 0, wrongKeys, missedKeys };
    }
    case "true-false": {
      const value =
        given.kind === "true-false"
          ? given.value
          : given.kind === "choice"
            ? question.options
                .find((o) => o.key === given.keys[0])
                ?.text.trim()
                .toLowerCase() === "true"
            : undefined;
      return { isCorrect: value !== undefined && value === question.answer, wrongKeys: [], missedKeys: [] };
    }
    case "typed":
      return {
        isCorrect: given.kind === "typed" && isTypedAnswerCorrect(question, given.text),
        wrongKeys: [],
        missedKeys: [],
      };
    case "ordering": {
      const order = question.order ?? question.options.map((o) => o.key);
      const keys = given.kind === "ordering" ? given.keys : [];
      const isCorrect = keys.length === order.length && keys.every((k, i) => k === order[i]);
      return { isCorrect, wrongKeys: [], missedKeys: [] };
    }
    default:
      return { isCorrect: false, wrongKeys: [], missedKeys: [] };
  }
}

/** The misconception tags of the wrong options a learner chose (for analytics and "weakest concepts"). */
export function chosenMisconceptions(question: Pick<Question, "options">, given: GivenAnswer): string[] {
  if (given.kind !== "choice") return [];
  return question.options
    .filter((o) => !o.correct && given.keys.includes(o.key) && o.misconception)
    .map((o) => o.misconception as string);
}
