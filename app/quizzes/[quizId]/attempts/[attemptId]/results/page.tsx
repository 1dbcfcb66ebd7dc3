import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizResults } from "@/components/quiz/quiz-results";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/server/auth/session";
import { getResultView } from "@/lib/server/data/attempts";
import { topicLabel } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";
import "@/components/study/study.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.pages");
  return { title: t("results") };
}

export default async function ResultsPage({
  params,
}: {
  params: Promise<{ quizId: string; attemptId: string }>;
}) {
  const { quizId, attemptId } = await params;
  const path = `/quizzes/${encodeURIComponent(quizId)}/attempts/${encodeURIComponent(attemptId)}`;
  const user = await requirePageUser(`${path}/results`);
  const locale = await getLocale();
  const result = await getResultView(prisma, user, attemptId, new Date(), locale).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  if (!result) redirect(path);
  if (result.quizId !== quizId) notFound();
  const t = await getTranslations("quiz.pages");
  return (
    <div>
      <h1>{t("resultsHeading", { title: result.title })}</h1>
      <QuizResults
        result={{
          ...result,
          // Topics are stored by id ("launch-types"); people read their names ("Launch types").
          breakdown: result.breakdown.map((row) =>
            row.kind === "topic" ? { ...row, group: topicLabel(row.group, locale) } : row,
          ),
        }}
      />
      <p>
        <Link href={`/quizzes/${result.quizId}`}>{t("backToQuiz")}</Link>
      </p>
    </div>
  );
}
