import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { HeatmapTable } from "@/components/insight/heatmap-table";
import { ReportedQuestions } from "@/components/insight/reported-questions";
import { isAppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/server/auth/session";
import { classHeatmap } from "@/lib/server/data/insight";
import { reportedQuestions } from "@/lib/server/data/insight-reports";
import { listClassQuizzes } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";
import "@/components/insight/insight.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insight.page");
  return { title: t("metaTitle") };
}

// The class's owner only (the data layer checks; anyone else gets not-found).
export default async function ClassInsightPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole("instructor", `/classes/${encodeURIComponent(classId)}/insight`);
  const [t, locale] = await Promise.all([getTranslations("insight.page"), getLocale()]);
  const loaded = await Promise.all([
    classHeatmap(prisma, user, classId, new Date(), locale),
    listClassQuizzes(prisma, user, classId),
    reportedQuestions(prisma, user, locale),
  ]).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const [map, quizzes, reports] = loaded;
  const base = `/classes/${map.classId}`;
  return (
    <div className="insight-page">
      <div>
        <h1>{t("heading", { name: map.className })}</h1>
        <p className="lead">{t.rich("lead", { back: (chunks) => <Link href={base}>{chunks}</Link> })}</p>
      </div>

      <section className="progress-section" aria-labelledby="heatmap-h">
        <h2 id="heatmap-h">{t("heatmap")}</h2>
        <HeatmapTable map={map} />
        <p>
          <a href={`${base}/insight/heatmap.csv`} download>
            {t("downloadHeatmap")}
          </a>
        </p>
      </section>

      <section className="progress-section" aria-labelledby="quiz-stats-h">
        <h2 id="quiz-stats-h">{t("quizStats")}</h2>
        {quizzes.length === 0 ? <p className="muted">{t("noQuizzes")}</p> : null}
        <ul>
          {quizzes.map((q) => (
            <li key={q.id}>
              <Link href={`/quizzes/${q.id}/stats`}>{t("quizStatsLink", { title: q.title })}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="progress-section" aria-labelledby="reports-h">
        <h2 id="reports-h">{t("reports")}</h2>
        <p className="muted">{t("reportsHelp")}</p>
        <ReportedQuestions questions={reports} />
        <p>
          <a href={`${base}/insight/reports.csv`} download>
            {t("downloadReports")}
          </a>
        </p>
      </section>
    </div>
  );
}
