import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExamForm } from "@/components/progress/exam-form";
import { ProgressBody } from "@/components/progress/progress-body";
import { requirePageUser } from "@/lib/server/auth/session";
import { loadProgress } from "@/lib/server/data/progress";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress");
  return { title: t("title") };
}

// Signed-in learners: their own progress only (the data layer scopes every query to them).
export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const [t, view] = await Promise.all([getTranslations("progress"), loadProgress(prisma, user, new Date())]);
  return (
    <div className="progress-page">
      <div>
        <h1>{t("title")}</h1>
        <p className="lead">
          {t("lead", { timeZone: view.timeZone, hour: view.dayStartHour })}{" "}
          <Link href="/study">{t("studyNow")}</Link>
        </p>
      </div>
      <ProgressBody
        view={view}
        examForm={
          <ExamForm
            examDate={view.exam ? view.exam.examDate.slice(0, 10) : ""}
            target={view.examTargetRecall}
          />
        }
      />
    </div>
  );
}
