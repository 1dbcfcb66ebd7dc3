import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizPreview } from "@/components/quiz/quiz-preview";
import { requirePageUser } from "@/lib/server/auth/session";
import { previewQuestions } from "@/lib/server/data/quiz-preview";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.previewPage");
  return { title: t("title") };
}

export default async function PreviewPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageUser(`/quizzes/${encodeURIComponent(quizId)}/preview`);
  const preview = await previewQuestions(prisma, user, quizId, await getLocale());
  if (!preview) notFound();
  const t = await getTranslations("quiz.previewPage");
  return (
    <div>
      <h1>{t("heading", { title: preview.quiz.title })}</h1>
      <p className="notice">
        {t("note", { random: String(preview.quiz.selection === "random") })}{" "}
        <Link href={`/quizzes/${preview.quiz.id}/manage`}>{t("backToQuiz")}</Link>
      </p>
      <QuizPreview items={preview.items} />
    </div>
  );
}
