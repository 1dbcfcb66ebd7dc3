import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizBuilderForm } from "@/components/teach/quiz-builder-form";
import { requirePageRole } from "@/lib/server/auth/session";
import { getOwnedClass } from "@/lib/server/data/classes";
import { builderChoices } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.builder");
  return { title: t("newTitle") };
}

export default async function NewQuizPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole("instructor", `/classes/${encodeURIComponent(classId)}/quizzes/new`);
  const klass = await getOwnedClass(prisma, user, classId);
  if (!klass) notFound();
  const [choices, t] = await Promise.all([
    builderChoices(prisma, user, await getLocale()),
    getTranslations("quiz.builder"),
  ]);
  return (
    <div>
      <h1>{t("newHeading", { name: klass.name })}</h1>
      <QuizBuilderForm
        target={{ classId: klass.id }}
        topics={choices.topics}
        tags={choices.tags}
        questions={choices.questions}
      />
    </div>
  );
}
