import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/study/preferences-form";
import { requirePageUser } from "@/lib/server/auth/session";
import { getStudyPreferences, hasOwnStudySettings } from "@/lib/server/data/study-settings";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("studySettings");
  return { title: t("title") };
}

export default async function StudySettingsPage() {
  const user = await requirePageUser("/study/settings");
  const [t, prefs, saved] = await Promise.all([
    getTranslations("studySettings"),
    getStudyPreferences(prisma, user),
    hasOwnStudySettings(prisma, user),
  ]);
  return (
    <div className="study-page">
      <h1>{t("title")}</h1>
      <p className="lead">
        {t("lead")} <Link href="/study">{t("back")}</Link>
      </p>
      <PreferencesForm
        values={{
          desiredRetention: prefs.desiredRetention,
          maximumIntervalDays: prefs.maximumIntervalDays,
          enableFuzz: prefs.enableFuzz,
          newPerDay: prefs.newPerDay,
          dayStartHour: prefs.dayStartHour,
          timeZone: prefs.timeZone,
          isDefault: !saved,
        }}
      />
    </div>
  );
}
