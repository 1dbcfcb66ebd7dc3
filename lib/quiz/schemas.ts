import { z } from "zod";
import { nameSchema, readableName } from "@/lib/name-policy";
import { FEEDBACK_TIMINGS } from "./deadline";

// zod schemas for the quiz builder, the exam builder and the attempt actions, beside the quiz
// domain so the actions (FormData and JSON) and the data layer (stored filters, saved answers)
// share them.

/** Question kinds a quiz can ask: every kind but cards (flashcards and cloze are studied, not graded). */
export const QUIZ_KINDS = ["single", "multiple", "true-false", "typed", "ordering"] as const;

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label}: enter a whole number` })
    .int(`${label}: enter a whole number`)
    .min(min, `${label}: at least ${min}`)
    .max(max, `${label}: at most ${max}`);
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v == null ? null : v), wholeNumber(label, min, max).nullable());
const optionalDate = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  z.coerce.date({ message: "Enter a date and time" }).nullable(),
);
const list = (max = 100) => z.array(z.string().min(1).max(200)).max(max).default([]);

export const quizFiltersSchema = z.object({
  topics: list(),
  tags: list(),
  difficulties: z.array(z.coerce.number().int().min(1).max(5)).max(5).default([]),
  kinds: z
    .array(z.enum(QUIZ_KINDS, { message: "Choose kinds a quiz can ask" }))
    .max(10)
    .default([]),
});
export type QuizFilters = z.infer<typeof quizFiltersSchema>;

export const quizInputSchema = z
  .object({
    classId: z.string().min(1, "Choose a class").max(100),
    title: nameSchema("Quiz title", 200, "Give the quiz a title"),
    filters: quizFiltersSchema,
    selection: z.enum(["fixed", "random"]),
    questionIds: list(500),
    perTopic: optionalInt("Questions per topic", 1, 100),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    timeLimitMinutes: optionalInt("Time limit", 1, 600),
    opensAt: optionalDate,
    closesAt: optionalDate,
    attemptsAllowed: wholeNumber("Attempts allowed", 1, 100),
    passMark: wholeNumber("Pass mark", 0, 100),
    feedback: z.enum(FEEDBACK_TIMINGS, { message: "Show answers: choose when" }),
  })
  .superRefine((q, ctx) => {
    if (q.selection === "fixed" && q.questionIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["questionIds"], message: "Choose at least one question" });
    if (q.selection === "random" && !q.perTopic)
      ctx.addIssue({ code: "custom", path: ["perTopic"], message: "How many questions per topic?" });
    if (q.opensAt && q.closesAt && q.closesAt <= q.opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Closes: must be after it opens" });
  });
export type QuizInput = z.infer<typeof quizInputSchema>;

/** The builder's fields by the names its form shows, for errors that say which field is wrong. */
export const QUIZ_FIELD_LABELS: Record<string, string> = {
  classId: "Class",
  title: "Quiz title",
  filters: "Filters",
  selection: "Questions",
  questionIds: "Fixed list",
  perTopic: "Questions per topic",
  timeLimitMinutes: "Time limit",
  opensAt: "Opens",
  closesAt: "Closes",
  attemptsAllowed: "Attempts allowed",
  passMark: "Pass mark",
  feedback: "Show answers and explanations",
};

export const deleteQuizSchema = z.object({
  quizId: z.string().min(1).max(100),
  attempts: z.coerce.number().int().min(0).max(1_000_000),
  confirm: z.literal("yes", { message: "Tick the box to confirm the deletion" }),
});

/** The builder's FormData as the object quizInputSchema parses. */
export function quizFormObject(formData: FormData) {
  const one = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const many = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    classId: one("classId"),
    title: one("title"),
    filters: {
      topics: many("topic"),
      tags: many("tag").filter(Boolean),
      difficulties: many("difficulty"),
      kinds: many("kind"),
    },
    selection: one("selection") || "fixed",
    questionIds: many("questionId"),
    perTopic: one("perTopic"),
    shuffleQuestions: one("shuffleQuestions") === "on",
    shuffleOptions: one("shuffleOptions") === "on",
    timeLimitMinutes: one("timeLimitMinutes"),
    opensAt: one("opensAt"),
    closesAt: one("closesAt"),
    attemptsAllowed: one("attemptsAllowed") || "1",
    passMark: one("passMark") || "70",
    feedback: one("feedback") || "after-submit",
  };
}

export const examInputSchema = z.object({
  title: z.string().trim().max(200).superRefine(readableName("Exam title")).default(""),
  topics: list(),
  questionCount: z.coerce.number().int().min(1).max(200).default(65),
  timeLimitMinutes: z.coerce.number().int().min(1).max(600).default(130),
});

export const quizIdSchema = z.object({ quizId: z.string().min(1).max(100) });
export const attemptIdSchema = z.object({ attemptId: z.string().min(1).max(100) });

export const givenAnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), keys: z.array(z.string().regex(/^[A-Z]$/)).max(26) }),
  z.object({ kind: z.literal("true-false"), value: z.boolean() }),
  z.object({ kind: z.literal("typed"), text: z.string().max(500) }),
  z.object({ kind: z.literal("ordering"), keys: z.array(z.string().regex(/^[A-Z]$/)).max(26) }),
]);

// What the runner sends: options named by the attempt's opaque ids (lib/quiz/option-ids.ts), which
// the server turns back into bank keys before saving. A bank letter is still read for attempts
// drawn before ids existed.
const optionIdSchema = z.string().regex(/^(?:[A-Z]|[0-9a-f]{12})$/);
const browserAnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), keys: z.array(optionIdSchema).max(26) }),
  z.object({ kind: z.literal("true-false"), value: z.boolean() }),
  z.object({ kind: z.literal("typed"), text: z.string().max(500) }),
  z.object({ kind: z.literal("ordering"), keys: z.array(optionIdSchema).max(26) }),
]);

export const saveAnswerSchema = z.object({
  attemptId: z.string().min(1).max(100),
  questionId: z.string().min(1).max(200),
  answer: browserAnswerSchema.nullable(),
  flagged: z.boolean(),
  seq: z.number().int().min(1).max(1_000_000_000),
});
export const checkAnswerSchema = z.object({
  attemptId: z.string().min(1).max(100),
  questionId: z.string().min(1).max(200),
});

export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;
