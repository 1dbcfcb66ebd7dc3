import { z } from "zod";
import type { QuestionTranslations } from "./translation-schema";

/** The kinds of item a bank holds. Flashcards and cloze cards are questions too. */
export const QUESTION_KINDS = [
  "single",
  "multiple",
  "true-false",
  "typed",
  "ordering",
  "flashcard",
  "cloze",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds studied as cards (front/back) rather than answered as quiz questions. */
export const CARD_KINDS: ReadonlySet<QuestionKind> = new Set(["flashcard", "cloze"]);

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Question ids: lowercase letters and digits, joined by single `-`, `_` or `.`. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_./-]*$/u;
export const EXAM_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** A calendar day, YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** One problem found in a bank, compiler-style. Lines and columns are 1-based. */
export type Finding = {
  severity: "error" | "warning";
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  /**
   * For a bank converted from another format: where in the source file the question concerned
   * starts. `file`, `line` and `column` then point at the converted (Taskdeck Markdown) file.
   */
  source?: { file: string; line: number };
};

/**
 * Validates the YAML of a ```sim block (injected so lib/bank does not depend on lib/sim).
 * Lines and columns in errors are relative to `yamlText` (1-based); the parser maps them to the bank.
 */
export type SimValidator = (
  yamlText: string,
) =>
  | { ok: true; value: unknown }
  | { ok: false; errors: Array<{ line: number; column: number; message: string; hint?: string }> };

/** A ```sim block: its YAML source, the bank line of its first YAML line, and the validated value. */
export type SimBlock = { yaml: string; line: number; value: unknown };

export type QuestionOption = {
  /** "A".."Z" in written order. */
  key: string;
  /** Markdown. */
  text: string;
  /** Right answer (choice kinds). Every item of an ordering question is `true`. */
  correct: boolean;
  /** "Why this is wrong" (or right), Markdown. */
  rationale?: string;
  /** Kebab-case tag naming the misconception behind a wrong option, for instructor analytics. */
  misconception?: string;
  sim?: SimBlock;
};

export type Difficulty = 1 | 2 | 3 | 4 | 5;

export type Question = {
  id: string;
  kind: QuestionKind;
  /** The heading text (Markdown, one line). */
  title: string;
  /** Markdown shown to the learner; the title when the question has no separate body. */
  stem: string;
  /** Choice, true-false and ordering kinds; empty for the others. */
  options: QuestionOption[];
  /** multiple: how many options are right ("choose N"). */
  chooseCount?: number;
  /** true-false: the right answer. */
  answer?: boolean;
  /** typed: accepted answers; see isTypedAnswerCorrect. */
  accepted?: string[];
  /** ordering: option keys in the right order (the written order). */
  order?: string[];
  /** flashcard: front and back (Markdown); reversible cards are studied both ways. */
  front?: string;
  back?: string;
  reversible?: boolean;
  /** cloze: the text with `{{c1::answer::hint}}` deletions; see clozeCards. */
  cloze?: string;
  /** Markdown; may be empty. */
  explanation: string;
  /** http(s) URLs. */
  references: string[];
  tags: string[];
  /** Exam codes such as SAA-C03. */
  exams: string[];
  difficulty: Difficulty;
  sim?: SimBlock;
  /** A schedule carried over from another tool (Obsidian's `<!--SR:...-->`), kept as an import hint. */
  srsHint?: string;
  /**
   * The day (YYYY-MM-DD) an author last checked the question's facts against its references: the
   * question's own `verified:`, else the bank's. Not part of the content hash: re-checking a
   * question without changing it does not make it a new revision.
   */
  verified?: string;
  /** 1-based line of the question's heading (or of the card's list item). */
  line: number;
  /**
   * The question's text in other languages, from `<bank>.<language>.md` beside the bank (attached
   * by checkBanks). Not part of the content hash: a translation never makes a new English revision.
   */
  translations?: QuestionTranslations;
};

export type BankMeta = {
  id: string;
  title: string;
  topic: string;
  domains: string[];
  language: string;
  version: string;
  authors: string[];
  /** The day (YYYY-MM-DD) the bank's facts were last checked; a question's own `verified:` wins. */
  verified?: string;
};

export type Bank = { file: string; meta: BankMeta; questions: Question[] };

export type CheckSummary = {
  banks: number;
  /** Quiz questions (every kind but flashcard and cloze). */
  questions: number;
  /** Flashcards and cloze cards. */
  flashcards: number;
  errors: number;
  warnings: number;
  /** Every finding counted by code, errors first, then by count (most first): "589 × missing-rationale". */
  byCode: Array<{ code: string; severity: Finding["severity"]; count: number }>;
  byTopic: Record<string, { questions: number; flashcards: number }>;
  /** Quiz questions with a sim block (question-level or on an option), and their share of all questions. */
  simulated: { questions: number; share: number };
  /** Questions and cards that say when their facts were last verified (their own date or the bank's). */
  dated: number;
};

export const bankMetaSchema = z.object({
  id: z.string().regex(KEBAB_CASE, "must be kebab-case, such as ecs-networking"),
  title: z.string().trim().min(1, "must not be empty"),
  topic: z.string().regex(KEBAB_CASE, "must be kebab-case, such as amazon-ecs"),
  domains: z.array(z.string().trim().min(1)).default([]),
  language: z.string().regex(BCP47, "must be a BCP-47 language tag such as en or pt-BR").default("en"),
  version: z
    .union([z.string().trim().min(1), z.number()])
    .transform((v) => String(v))
    .default("1"),
  authors: z.array(z.string().trim().min(1)).default([]),
  // YAML may read an unquoted 2026-12-06 as a date: accept both, keep the day.
  verified: z
    .union([
      z.string().trim(),
      z.date().transform((d) => (Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10))),
    ])
    .pipe(z.string().regex(DAY_PATTERN, "must be a day written YYYY-MM-DD, such as 2026-12-06"))
    .optional(),
});

export const BANK_META_KEYS = Object.keys(bankMetaSchema.shape);

const simBlockSchema = z.object({ yaml: z.string(), line: z.number().int().positive(), value: z.unknown() });

const optionSchema = z.object({
  key: z.string().regex(/^[A-Z]$/),
  text: z.string().min(1),
  correct: z.boolean(),
  rationale: z.string().min(1).optional(),
  misconception: z.string().regex(KEBAB_CASE).optional(),
  sim: simBlockSchema.optional(),
});

/** The shape of a parsed question, for data read back from storage (JSON columns, caches). */
export const questionSchema: z.ZodType<Question> = z.object({
  id: z.string().regex(ID_PATTERN),
  kind: z.enum(QUESTION_KINDS),
  title: z.string().min(1),
  stem: z.string().min(1),
  options: z.array(optionSchema),
  chooseCount: z.number().int().positive().optional(),
  answer: z.boolean().optional(),
  accepted: z.array(z.string().min(1)).optional(),
  order: z.array(z.string()).optional(),
  front: z.string().optional(),
  back: z.string().optional(),
  reversible: z.boolean().optional(),
  cloze: z.string().optional(),
  explanation: z.string(),
  references: z.array(z.string().regex(/^https?:\/\/\S+$/)),
  tags: z.array(z.string().regex(TAG_PATTERN)),
  exams: z.array(z.string().regex(EXAM_PATTERN)),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  sim: simBlockSchema.optional(),
  srsHint: z.string().optional(),
  verified: z.string().regex(DAY_PATTERN).optional(),
  line: z.number().int().positive(),
});
