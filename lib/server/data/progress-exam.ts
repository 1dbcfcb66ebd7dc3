import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { ActingUser } from "../auth/acting-user";

/**
 * The exam form's field messages in English; the action gives them in the learner's language
 * (lib/server/actions/localized-fields.ts).
 * i18n-keys: progress.errors.*
 */
export const EXAM_ERRORS = CATALOGS.en.progress.errors;

/** The recall aimed for on the exam date: the bounds the form and the stored column share. */
export const examTargetRecallSchema = z.coerce
  .number({ error: EXAM_ERRORS.notNumber })
  .min(0.5, EXAM_ERRORS.targetMin)
  .max(0.99, EXAM_ERRORS.targetMax);

/**
 * The exam form: a calendar date (empty clears it) and the recall the learner aims for on that
 * day (left out: the stored one stays).
 */
export const examDateSchema = z.object({
  examDate: z.union([
    z.literal(""),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, EXAM_ERRORS.dateFormat)
      .refine((s) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)), EXAM_ERRORS.notDate),
  ]),
  targetRecall: examTargetRecallSchema.optional(),
});

/**
 * The stored instant for an exam date: noon UTC of that calendar date, so the date reads the same
 * in every time zone within ±12 hours.
 */
export function examInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Saves (or clears) the learner's own exam date and, when given, the recall they aim for. */
export async function saveExamDate(
  db: PrismaClient,
  actor: ActingUser,
  examDate: Date | null,
  examTargetRecall?: number,
): Promise<void> {
  const target =
    examTargetRecall === undefined
      ? {}
      : { examTargetRecall: examTargetRecallSchema.parse(examTargetRecall) };
  await db.studySettings.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, examDate, ...target },
    update: { examDate, ...target },
  });
}
