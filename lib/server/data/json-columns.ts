import "server-only";
import { z } from "zod";
import { type GivenAnswer, itemTranslationSchema, type QuestionTranslations } from "@/lib/bank";
import type { BreakdownRow } from "@/lib/quiz";
import { givenAnswerSchema, type QuizFilters, quizFiltersSchema } from "@/lib/quiz/schemas";
import { type CardState, cardStateSchema } from "@/lib/srs";

// Every JSON text column Taskdeck reads back, parsed and checked in one place per column. The
// database is a trust boundary too: a row written by an older version, edited by hand or restored
// from a broken backup must fail here, naming the column, rather than travel on as the wrong
// shape and break a page somewhere else. A column that fails is a bug or a damaged database (an
// unexpected error, error.tsx), except a saved answer, which reads as "no answer", as before.

/** Thrown when a stored JSON column does not have the shape Taskdeck writes. */
export class StoredJsonError extends Error {
  constructor(column: string, detail: string) {
    super(`Stored ${column} is not valid: ${detail}`);
    this.name = "StoredJsonError";
  }
}

function parsed<T>(column: string, schema: z.ZodType<T>, json: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new StoredJsonError(column, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new StoredJsonError(
      column,
      `${issue?.path.join(".") || "value"}: ${issue?.message ?? "wrong shape"}`,
    );
  }
  return checked.data;
}

const ids = z.array(z.string());

/** `Quiz.questionIds`: a fixed quiz's question ids, in the order the instructor chose. */
export const readQuizQuestionIds = (json: string): string[] => parsed("Quiz.questionIds", ids, json);

/** `Quiz.filters`: a random draw's filters; filters missing from older rows read as "any". */
export const readQuizFilters = (json: string): QuizFilters => parsed("Quiz.filters", quizFiltersSchema, json);

/** `Bank.domains`: the exam domains a bank covers, first one standing in for its questions'. */
export const readBankDomains = (json: string): string[] => parsed("Bank.domains", ids, json);

/** `Question.tags`: a question's tags. */
export const readQuestionTags = (json: string): string[] => parsed("Question.tags", ids, json);

// `.strict()` keeps a language Taskdeck does not know from passing as an empty translation.
const translationsSchema: z.ZodType<QuestionTranslations> = z
  .object({ ko: itemTranslationSchema.optional() })
  .strict();

/** `Question.translations`: the checked translations of a question, by language ("{}": none). */
export const readQuestionTranslations = (json: string): QuestionTranslations =>
  parsed("Question.translations", translationsSchema, json);

const breakdownSchema = z.array(
  z.object({
    kind: z.enum(["topic", "domain"]),
    group: z.string(),
    correct: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
);

/** `QuizAttempt.breakdown`: a finished attempt's grade by topic and by domain (null: not graded). */
export const readAttemptBreakdown = (json: string | null): BreakdownRow[] =>
  json === null ? [] : parsed("QuizAttempt.breakdown", breakdownSchema, json);

const attemptItemsSchema = z.array(
  z.object({
    questionId: z.string(),
    revision: z.number().int(),
    optionOrder: z.array(z.string()),
    /** The opaque id each option is shown under (lib/quiz/option-ids.ts); absent in older attempts. */
    optionIds: z.array(z.string()).optional(),
  }),
);
export type AttemptItem = z.infer<typeof attemptItemsSchema>[number];

// An attempt's items never change once it starts, and an open attempt's are read on every grading
// (the held-back check) and every autosave: ~0.14 ms of JSON and zod for 65 items, each time. The
// checked value is kept per column text, frozen so that no reader can change another's copy; the
// oldest entries go first beyond ITEMS_CACHE_LIMIT (about 7 KB each for a 65-question exam).
const ITEMS_CACHE_LIMIT = 256;
const itemsCache = new Map<string, readonly AttemptItem[]>();

function frozenItems(items: AttemptItem[]): readonly AttemptItem[] {
  for (const item of items) {
    Object.freeze(item.optionOrder);
    if (item.optionIds) Object.freeze(item.optionIds);
    Object.freeze(item);
  }
  return Object.freeze(items);
}

/** `QuizAttempt.items`: the learner's draw (question, revision, option order and ids). */
export function readAttemptItems(json: string): readonly AttemptItem[] {
  const known = itemsCache.get(json);
  if (known) return known;
  const items = frozenItems(parsed("QuizAttempt.items", attemptItemsSchema, json));
  if (itemsCache.size >= ITEMS_CACHE_LIMIT) {
    const oldest = itemsCache.keys().next();
    if (!oldest.done) itemsCache.delete(oldest.value);
  }
  itemsCache.set(json, items);
  return items;
}

/** `Review.stateBefore` / `Review.stateAfter`: a card's exact FSRS state around one grading. */
export const readReviewState = (
  column: "Review.stateBefore" | "Review.stateAfter",
  json: string,
): CardState => parsed(column, cardStateSchema, json);

/**
 * `AttemptAnswer.answer`: the saved answer, in bank keys. Null when there is none; an answer of
 * another shape, or text that is not JSON, reads as none (the question counts as unanswered).
 */
export function readSavedAnswer(json: string | null): GivenAnswer | null {
  if (!json) return null;
  try {
    const checked = givenAnswerSchema.safeParse(JSON.parse(json));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}
