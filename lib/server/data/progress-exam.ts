import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActingUser } from "../auth/acting-user";

/** The recall aimed for on the exam date: the bounds the form and the stored column share. */
export const examTargetRecallSchema = z.coerce
  .number({ error: "a number such as 0.90" })
  .min(0.5, "at least 0.50")
  .max(0.99, "at most 0.99");

/**
 * The exam form: a calendar date (empty clears it) and the recall the learner aims for on that
 * day (left out: the stored one stays).
 */
export const examDateSchema = z.object({
  examDate: z.union([
    z.literal(""),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2027-03-15")
      .refine((s) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)), "not a real date"),
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
