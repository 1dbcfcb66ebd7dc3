import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/study/preferences-form";
import { requirePageUser } from "@/lib/server/auth/session";
import { getStudyPreferences, hasOwnStudySettings } from "@/lib/server/data/study-settings";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";

export const metadata: Metadata = { title: "Study settings" };

export default async function StudySettingsPage() {
  const user = await requirePageUser("/study/settings");
  const [prefs, saved] = await Promise.all([
    getStudyPreferences(prisma, user),
    hasOwnStudySettings(prisma, user),
  ]);
  return (
    <div className="study-page">
      <h1>Study settings</h1>
      <p className="lead">
        Taskdeck schedules cards with FSRS. These settings are yours alone.{" "}
        <Link href="/study">Back to study</Link>
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
