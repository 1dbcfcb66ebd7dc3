import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import type { ActingUser } from "@/lib/server/auth/acting-user";

/** What the interface needs of a signed-in learner's settings on every page. */
export type InterfaceSettings = { locale: Locale | null; timeZone: string | null };

/** The learner's chosen language (null: follow the browser) and saved time zone, if any. */
export async function getInterfaceSettings(db: PrismaClient, actor: ActingUser): Promise<InterfaceSettings> {
  const row = await db.studySettings.findUnique({
    where: { userId: actor.id },
    select: { locale: true, timeZone: true, timeZoneSetBy: true },
  });
  return {
    locale: isLocale(row?.locale) ? row.locale : null,
    // The UTC default is no one's choice: dates then follow the reader's own clock in the browser.
    timeZone: row && row.timeZoneSetBy !== null ? row.timeZone : null,
  };
}

/**
 * Saves the learner's language (null: follow the browser); only their own row, created with the
 * defaults when missing.
 */
export async function saveInterfaceLocale(
  db: PrismaClient,
  actor: ActingUser,
  locale: Locale | null,
): Promise<void> {
  await db.studySettings.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, locale },
    update: { locale },
  });
}
