import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteQuizForm } from "@/components/teach/delete-quiz-form";
import { DuplicateQuizButton } from "@/components/teach/duplicate-quiz-button";
import { LocalTime } from "@/components/today/local-time";
import { FEEDBACK_TIMINGS, type FeedbackTiming } from "@/lib/quiz";
import { requirePageRole } from "@/lib/server/auth/session";
import { getManagedQuiz } from "@/lib/server/data/quiz-manage";
import { getStudyPreferences } from "@/lib/server/data/study-settings";
import { prisma } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.manage");
  return { title: t("title") };
}

export default async function ManageQuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageRole("instructor", `/quizzes/${encodeURIComponent(quizId)}/manage`);
  const managed = await getManagedQuiz(prisma, user, quizId);
  if (!managed) notFound();
  const { quiz, attempts, questionIds } = managed;
  const [{ timeZone }, t] = await Promise.all([
    getStudyPreferences(prisma, user),
    getTranslations("quiz.manage"),
  ]);
  // An unknown stored rule reads as the strictest one.
  const feedback: FeedbackTiming = FEEDBACK_TIMINGS.find((f) => f === quiz.feedback) ?? "after-close";
  const at = (date: Date) => <LocalTime iso={date.toISOString()} savedZone={timeZone} />;
  return (
    <div>
      <h1>{quiz.title}</h1>
      <ul>
        <li>
          {quiz.selection === "fixed"
            ? t("fixed", { count: questionIds.length })
            : t("perTopic", { count: quiz.perTopic ?? 0 })}
          {quiz.shuffleQuestions ? t("questionsShuffled") : ""}
          {quiz.shuffleOptions ? t("optionsShuffled") : ""}
        </li>
        <li>{quiz.timeLimitMinutes ? t("minutes", { minutes: quiz.timeLimitMinutes }) : t("noTimeLimit")}</li>
        <li>
          {t("opens")} {quiz.opensAt ? at(quiz.opensAt) : t("now")}
        </li>
        <li>
          {t("closes")} {quiz.closesAt ? at(quiz.closesAt) : t("never")}
        </li>
        <li>{t("attemptsAndPass", { attempts: quiz.attemptsAllowed, mark: quiz.passMark })}</li>
        <li>
          {/* i18n-keys: quiz.manage.feedback.* */}
          {t(`feedback.${feedback}`)}
        </li>
        <li>{t("attempts", { count: attempts })}</li>
      </ul>
      <p>
        <Link href={`/quizzes/${quiz.id}/edit`}>{t("edit")}</Link> ·{" "}
        <Link href={`/quizzes/${quiz.id}/preview`}>{t("preview")}</Link> ·{" "}
        <Link href={`/classes/${quiz.classId}`}>{t("classAndGradebook")}</Link>
      </p>
      <p>
        <Link href={`/quizzes/${quiz.id}/stats`}>{t("stats")}</Link>
      </p>
      <DuplicateQuizButton quizId={quiz.id} />
      <DeleteQuizForm quizId={quiz.id} title={quiz.title} attempts={attempts} />
    </div>
  );
}
