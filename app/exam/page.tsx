import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ExamBuilderForm } from "@/components/quiz/exam-builder-form";
import { requirePageUser } from "@/lib/server/auth/session";
import { examTopics } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exam");
  return { title: t("title") };
}

export default async function ExamPage() {
  await requirePageUser("/exam");
  const [topics, t] = await Promise.all([examTopics(prisma, await getLocale()), getTranslations("exam")]);
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ExamBuilderForm topics={topics} />
    </div>
  );
}
