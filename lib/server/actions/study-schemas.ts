import { z } from "zod";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { GRADES } from "@/lib/srs";

// zod schemas for the study actions' input: what the browser sends is never trusted.

const cardRef = z.object({
  questionId: z.string().min(1).max(200),
  side: z.string().max(20),
});

const givenAnswer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), keys: z.array(z.string().regex(/^[A-Z]$/)).max(26) }),
  z.object({ kind: z.literal("true-false"), value: z.boolean() }),
  z.object({ kind: z.literal("typed"), text: z.string().max(500) }),
  z.object({ kind: z.literal("ordering"), keys: z.array(z.string().regex(/^[A-Z]$/)).max(26) }),
]);

export const gradeSchema = z.object({
  reviewId: z.string().uuid(),
  ref: cardRef,
  grade: z.enum(GRADES).optional(),
  answer: givenAnswer.optional(),
  confidence: z.enum(["guessed", "sure", "certain"]).optional(),
  durationMs: z.number().int().min(0).max(86_400_000),
  clientTime: z.string().datetime(),
});

export const undoSchema = z.object({ undoId: z.string().uuid(), reviewId: z.string().uuid() });

export const cardActionSchema = z.object({ ref: cardRef });

export const filterSchema = z.object({
  topics: z.array(z.string().max(100)).max(50).default([]),
  tags: z.array(z.string().max(100)).max(50).default([]),
  banks: z.array(z.string().max(100)).max(50).default([]),
});

export const loadMoreSchema = z.object({
  filter: filterSchema,
  mode: z.enum(["review", "cram", "missed"]).default("review"),
  exclude: z.array(z.string().max(220)).max(500).default([]),
});

/**
 * The report form's field messages in English; reportCore gives them in the learner's language.
 * i18n-keys: study.refusals.reportTooShort
 */
export const REPORT_ERRORS = { reportTooShort: CATALOGS.en.study.refusals.reportTooShort };

export const reportSchema = z.object({
  questionId: z.string().min(1).max(200),
  reason: z.enum(["wrong-answer", "unclear", "outdated", "typo", "other"]),
  message: z.string().trim().min(5, REPORT_ERRORS.reportTooShort).max(2000),
});
