import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DistractorTable, QuestionStatsSummary, StatsMethod } from "@/components/insight/question-stats";
import { isAppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/server/auth/session";
import { quizItemStats } from "@/lib/server/data/insight-items";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";
import "@/components/insight/insight.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.stats");
  return { title: t("title") };
}

// The quiz's instructor only (the data layer checks; anyone else gets not-found).
export default async function QuizStatsPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageRole("instructor", `/quizzes/${encodeURIComponent(quizId)}/stats`);
  const view = await quizItemStats(prisma, user, quizId, new Date(), await getLocale()).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const t = await getTranslations("quiz.stats");
  return (
    <div className="insight-page">
      <div>
        <h1>{t("heading", { title: view.title })}</h1>
        <p className="lead">
          {t("counted", { count: view.learners })}{" "}
          <Link href={`/quizzes/${view.quizId}/manage`}>{t("settings")}</Link> ·{" "}
          <Link href={`/classes/${view.classId}/insight`}>{t("insight")}</Link>
        </p>
        <p>
          <a href={`/quizzes/${view.quizId}/stats/questions.csv`} download>
            {t("download")}
          </a>
        </p>
      </div>
      <StatsMethod />
      {view.learners === 0 ? <p className="muted">{t("nobody")}</p> : null}
      <QuestionStatsSummary questions={view.questions} />
      <section aria-labelledby="distractors-h" className="insight-page">
        <h2 id="distractors-h">{t("distractors")}</h2>
        {view.questions.map((q) => (
          <DistractorTable key={q.questionId} q={q} />
        ))}
      </section>
    </div>
  );
}
