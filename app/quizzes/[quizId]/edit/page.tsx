import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizBuilderForm, type QuizSettings } from "@/components/teach/quiz-builder-form";
import { requirePageRole } from "@/lib/server/auth/session";
import { getManagedQuiz, storedSelection } from "@/lib/server/data/quiz-manage";
import { builderChoices } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.builder");
  return { title: t("editTitle") };
}

export default async function EditQuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageRole("instructor", `/quizzes/${encodeURIComponent(quizId)}/edit`);
  const managed = await getManagedQuiz(prisma, user, quizId);
  if (!managed) notFound();
  const { quiz, attempts } = managed;
  const [choices, t] = await Promise.all([
    builderChoices(prisma, user, await getLocale()),
    getTranslations("quiz.builder"),
  ]);
  const selection = storedSelection(quiz);
  const initial: QuizSettings = {
    title: quiz.title,
    filters: selection.filters,
    selection: selection.selection,
    questionIds: selection.questionIds,
    perTopic: selection.perTopic,
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    timeLimitMinutes: quiz.timeLimitMinutes,
    opensAt: quiz.opensAt?.toISOString() ?? "",
    closesAt: quiz.closesAt?.toISOString() ?? "",
    attemptsAllowed: quiz.attemptsAllowed,
    passMark: quiz.passMark,
    feedback: quiz.feedback,
  };
  return (
    <div>
      <h1>{t("editHeading", { title: quiz.title })}</h1>
      <p>
        <Link href={`/quizzes/${quiz.id}/manage`}>{t("backToQuiz")}</Link>
      </p>
      <QuizBuilderForm
        target={{ quizId: quiz.id, attempts, initial }}
        topics={choices.topics}
        tags={choices.tags}
        questions={choices.questions}
      />
    </div>
  );
}
