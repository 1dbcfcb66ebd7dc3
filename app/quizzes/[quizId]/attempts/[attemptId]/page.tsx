import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizRunner } from "@/components/quiz/quiz-runner";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/server/auth/session";
import { getRunnerView } from "@/lib/server/data/attempts";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.pages");
  return { title: t("attempt") };
}

export default async function AttemptPage({
  params,
}: {
  params: Promise<{ quizId: string; attemptId: string }>;
}) {
  const { quizId, attemptId } = await params;
  const user = await requirePageUser(
    `/quizzes/${encodeURIComponent(quizId)}/attempts/${encodeURIComponent(attemptId)}`,
  );
  const view = await getRunnerView(prisma, user, attemptId, new Date(), await getLocale()).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const resultsHref = `/quizzes/${encodeURIComponent(quizId)}/attempts/${encodeURIComponent(attemptId)}/results`;
  if (!view) redirect(resultsHref);
  if (view.quizId !== quizId) notFound();
  return (
    <div>
      <h1>{view.title}</h1>
      <QuizRunner view={view} resultsHref={resultsHref} />
    </div>
  );
}
