import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { isValidTimeZone, type SchedulerSettings, schedulerSettingsSchema } from "@/lib/srs";
import type { ActingUser } from "../auth/acting-user";
import { isUniqueViolation } from "../db/errors";

/** A learner's study preferences: the FSRS settings plus daily limits and their day. */
export type StudyPreferences = SchedulerSettings & {
  newPerDay: number;
  dayStartHour: number;
  timeZone: string;
  examDate: Date | null;
  /** The recall aimed for on the exam date (readiness and the daily plan). */
  examTargetRecall: number;
};

/**
 * The field messages of the preferences form, in English; the action gives them in the learner's
 * language (lib/server/actions/localized-fields.ts).
 * i18n-keys: studySettings.errors.*
 */
export const PREFERENCE_ERRORS = CATALOGS.en.studySettings.errors;
const E = PREFERENCE_ERRORS;

/** The form's schema; the same bounds guard what is read back. */
export const studyPreferencesSchema = z.object({
  desiredRetention: z.coerce.number().min(0.7, E.retentionMin).max(0.99, E.retentionMax),
  maximumIntervalDays: z.coerce.number().int().min(1, E.intervalMin).max(36_500, E.intervalMax),
  enableFuzz: z.boolean(),
  newPerDay: z.coerce.number().int().min(0, E.newMin).max(500, E.newMax),
  dayStartHour: z.coerce.number().int().min(0, E.hourRange).max(23, E.hourRange),
  timeZone: z.string().refine(isValidTimeZone, E.timeZone),
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

/** Saves the learner's own preferences; the time zone in them is their choice from now on. */
export async function saveStudyPreferences(
  db: PrismaClient,
  actor: ActingUser,
  input: z.infer<typeof studyPreferencesSchema>,
): Promise<void> {
  const data = { ...input, timeZoneSetBy: "learner" };
  await db.studySettings.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, ...data },
    update: data,
  });
}

/** Whether the learner has saved settings of their own (the settings page says when defaults apply). */
export async function hasOwnStudySettings(db: PrismaClient, actor: ActingUser): Promise<boolean> {
  return (await db.studySettings.count({ where: { userId: actor.id } })) > 0;
}

/** The browser's zone as the first signed-in visit sends it. */
export const browserTimeZoneSchema = z.object({
  timeZone: z
    .string()
    .max(64, "at most 64 characters")
    .refine(isValidTimeZone, "not a time zone this server knows, such as Europe/Paris"),
});

/**
 * Saves the browser's time zone for a learner whose zone was never set (their first signed-in
 * visit), so days, streaks and due times follow their clock from the start instead of UTC. A zone
 * already set, by the learner in Study settings or by an earlier visit, is never replaced: the
 * update only lands on a row whose `timeZoneSetBy` is still null, so two tabs (or a Save in Study
 * settings at the same moment) cannot overwrite a choice. Answers whether the zone was saved now,
 * and whether the zone in effect came from a browser (this visit or an earlier one).
 * @example await adoptBrowserTimeZone(db, me, "Asia/Tokyo") // { saved: true, isFromBrowser: true } the first time
 */
export async function adoptBrowserTimeZone(
  db: PrismaClient,
  actor: ActingUser,
  timeZone: string,
): Promise<{ saved: boolean; isFromBrowser: boolean }> {
  const data = { timeZone, timeZoneSetBy: "browser" };
  const saved = { saved: true, isFromBrowser: true };
  const adopt = async () =>
    (await db.studySettings.updateMany({ where: { userId: actor.id, timeZoneSetBy: null }, data })).count > 0;
  const kept = async () => {
    const row = await db.studySettings.findUnique({
      where: { userId: actor.id },
      select: { timeZoneSetBy: true },
    });
    return row ? { saved: false, isFromBrowser: row.timeZoneSetBy === "browser" } : null;
  };
  if (await adopt()) return saved;
  const existing = await kept();
  if (existing) return existing;
  try {
    await db.studySettings.create({ data: { userId: actor.id, ...data } });
    return saved;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request made the row meanwhile (an exam date, another tab): the same rule again.
    if (await adopt()) return saved;
    return (await kept()) ?? { saved: false, isFromBrowser: false };
  }
}
