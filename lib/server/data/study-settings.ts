import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isValidTimeZone, type SchedulerSettings, schedulerSettingsSchema } from "@/lib/srs";
import type { ActingUser } from "../auth/acting-user";

/** A learner's study preferences: the FSRS settings plus daily limits and their day. */
export type StudyPreferences = SchedulerSettings & {
  newPerDay: number;
  dayStartHour: number;
  timeZone: string;
  examDate: Date | null;
  /** The recall aimed for on the exam date (readiness and the daily plan). */
  examTargetRecall: number;
};

/** The form's schema; the same bounds guard what is read back. */
export const studyPreferencesSchema = z.object({
  desiredRetention: z.coerce.number().min(0.7, "at least 0.70").max(0.99, "at most 0.99"),
  maximumIntervalDays: z.coerce.number().int().min(1, "at least 1 day").max(36_500, "at most 36,500 days"),
  enableFuzz: z.boolean(),
  newPerDay: z.coerce.number().int().min(0, "0 or more").max(500, "at most 500"),
  dayStartHour: z.coerce.number().int().min(0, "0 to 23").max(23, "0 to 23"),
  timeZone: z.string().refine(isValidTimeZone, "not a time zone this server knows, such as Europe/Paris"),
});

const weightsSchema = z.array(z.number()).min(17).max(21);

/** The stored settings a learner's preferences are read from (null: never changed). */
type SettingsRow = {
  desiredRetention: number;
  maximumIntervalDays: number;
  enableFuzz: boolean;
  newPerDay: number;
  dayStartHour: number;
  timeZone: string;
  weights: string | null;
  examDate: Date | null;
  examTargetRecall: number;
} | null;

/** The learner's preferences, or the defaults when they have never changed them. */
export async function getStudyPreferences(db: PrismaClient, actor: ActingUser): Promise<StudyPreferences> {
  return preferencesFromRow(await db.studySettings.findUnique({ where: { userId: actor.id } }));
}

/** Preferences from a StudySettings row (or the defaults for none); bad stored values fall back. */
export function preferencesFromRow(row: SettingsRow): StudyPreferences {
  let weights: number[] | undefined;
  if (row?.weights) {
    const parsed = weightsSchema.safeParse(JSON.parse(row.weights));
    if (parsed.success) weights = parsed.data;
  }
  const scheduler = schedulerSettingsSchema.parse({
    desiredRetention: row?.desiredRetention,
    maximumIntervalDays: row?.maximumIntervalDays,
    enableFuzz: row?.enableFuzz,
    weights,
  });
  return {
    ...scheduler,
    newPerDay: row?.newPerDay ?? 20,
    dayStartHour: row?.dayStartHour ?? 4,
    timeZone: row?.timeZone && isValidTimeZone(row.timeZone) ? row.timeZone : "UTC",
    examDate: row?.examDate ?? null,
    examTargetRecall: row?.examTargetRecall ?? 0.9,
  };
}

/** Saves the learner's own preferences. */
export async function saveStudyPreferences(
  db: PrismaClient,
  actor: ActingUser,
  input: z.infer<typeof studyPreferencesSchema>,
): Promise<void> {
  await db.studySettings.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, ...input },
    update: input,
  });
}

/** Whether the learner has saved settings of their own (the settings page says when defaults apply). */
export async function hasOwnStudySettings(db: PrismaClient, actor: ActingUser): Promise<boolean> {
  return (await db.studySettings.count({ where: { userId: actor.id } })) > 0;
}
