import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StartAttemptButton } from "@/components/quiz/start-attempt-button";
import { LocalTime } from "@/components/today/local-time";
import { FEEDBACK_TIMINGS, type FeedbackTiming, startWindow } from "@/lib/quiz";

import { requirePageUser } from "@/lib/server/auth/session";
import { listMyAttempts } from "@/lib/server/data/attempts";
import { getVisibleQuiz } from "@/lib/server/data/quizzes";
import { getStudyPreferences } from "@/lib/server/data/study-settings";
import { prisma } from "@/lib/server/db";

/** The stored feedback rule; an unknown value reads as the strictest rule. */
const feedbackTiming = (stored: string): FeedbackTiming =>
  FEEDBACK_TIMINGS.find((timing) => timing === stored) ?? "after-close";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.pages");
  return { title: t("quiz") };
}

export default async function QuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageUser(`/quizzes/${encodeURIComponent(quizId)}`);
  const quiz = await getVisibleQuiz(prisma, user, quizId);
  if (!quiz) notFound();
  if (quiz.mode === "quiz" && quiz.ownerId === user.id) redirect(`/quizzes/${quiz.id}/manage`);
  const now = new Date();
  const [attempts, { timeZone }, t] = await Promise.all([
    listMyAttempts(prisma, user, quiz.id, now),
    getStudyPreferences(prisma, user),
    getTranslations("quiz.detail"),
  ]);
  const at = (date: Date) => <LocalTime iso={date.toISOString()} savedZone={timeZone} />;
  const open = attempts.find((a) => a.status === "open");
  const window = startWindow(now, quiz.opensAt, quiz.closesAt);
  const canStart = !open && window === "open" && attempts.length < quiz.attemptsAllowed;
  return (
    <div>
      <h1>{quiz.title}</h1>
      <ul>
        {quiz.class ? <li>{t("class", { name: quiz.class.name })}</li> : <li>{t("ownExam")}</li>}
        <li>
          {quiz.timeLimitMinutes ? t("timeLimit", { minutes: quiz.timeLimitMinutes }) : t("noTimeLimit")}
        </li>
        {quiz.opensAt ? <li>{t.rich("opens", { at: () => at(quiz.opensAt as Date) })}</li> : null}
        {quiz.closesAt ? <li>{t.rich("closes", { at: () => at(quiz.closesAt as Date) })}</li> : null}
        <li>
          {quiz.mode === "exam" ? t("examPass") : t("passMark", { mark: quiz.passMark })} ·{" "}
          {t("attemptsAllowed", { count: quiz.attemptsAllowed })}
        </li>
        <li>
          {/* i18n-keys: quiz.detail.feedback.* */}
          {t(`feedback.${feedbackTiming(quiz.feedback)}`)}
        </li>
      </ul>
      {open ? <StartAttemptButton quizId={quiz.id} label={t("resume")} /> : null}
      {canStart ? <StartAttemptButton quizId={quiz.id} label={t("start")} /> : null}
      {!open && !canStart ? (
        <p className="notice">
          {window === "not-yet" ? t("notYetOpen") : window === "closed" ? t("closed") : t("usedAll")}
        </p>
      ) : null}
      {attempts.some((a) => a.status !== "open") ? (
        <section aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">{t("yourAttempts")}</h2>
          <ul>
            {attempts
              .filter((a) => a.status !== "open")
              .map((a) => (
                <li key={a.id}>
                  <Link href={`/quizzes/${quiz.id}/attempts/${a.id}/results`}>
                    {t("attempt", { number: a.number })}
                  </Link>
                  {t("attemptResult", {
                    score: a.scaledScore ?? `${Math.round((a.score ?? 0) * 10) / 10}%`,
                    passed: String(a.passed),
                    expired: String(a.status === "expired"),
                  })}
                  {a.finishedAt ? <> · {at(a.finishedAt)}</> : null}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
