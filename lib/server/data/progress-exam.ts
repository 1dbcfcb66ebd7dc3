import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActingUser } from "../auth/acting-user";

/** The exam form: a calendar date (empty clears it) and the recall the learner aims for. */
export const examDateSchema = z.object({
  examDate: z.union([
    z.literal(""),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2027-03-15")
      .refine((s) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)), "not a real date"),
  ]),
  targetRecall: z.coerce.number().min(0.5, "at least 0.50").max(0.99, "at most 0.99").default(0.9),
});

/**
 * The stored instant for an exam date: noon UTC of that calendar date, so the date reads the same
 * in every time zone within ±12 hours.
 */
export function examInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Saves (or clears) the learner's own exam date. */
export async function saveExamDate(
  db: PrismaClient,
  actor: ActingUser,
  examDate: Date | null,
): Promise<void> {
  await db.studySettings.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, examDate },
    update: { examDate },
  });
}
