import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StartAttemptButton } from "@/components/quiz/start-attempt-button";
import { feedbackWords } from "@/components/teach/feedback-words";
import { LocalTime } from "@/components/today/local-time";
import { startWindow } from "@/lib/quiz";
import { requirePageUser } from "@/lib/server/auth/session";
import { listMyAttempts } from "@/lib/server/data/attempts";
import { getVisibleQuiz } from "@/lib/server/data/quizzes";
import { getStudyPreferences } from "@/lib/server/data/study-settings";
import { prisma } from "@/lib/server/db";

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageUser(`/quizzes/${encodeURIComponent(quizId)}`);
  const quiz = await getVisibleQuiz(prisma, user, quizId);
  if (!quiz) notFound();
  if (quiz.mode === "quiz" && quiz.ownerId === user.id) redirect(`/quizzes/${quiz.id}/manage`);
  const now = new Date();
  const [attempts, { timeZone }] = await Promise.all([
    listMyAttempts(prisma, user, quiz.id, now),
    getStudyPreferences(prisma, user),
  ]);
  const at = (date: Date) => <LocalTime iso={date.toISOString()} savedZone={timeZone} />;
  const open = attempts.find((a) => a.status === "open");
  const window = startWindow(now, quiz.opensAt, quiz.closesAt);
  const canStart = !open && window === "open" && attempts.length < quiz.attemptsAllowed;
  return (
    <div>
      <h1>{quiz.title}</h1>
      <ul>
        {quiz.class ? <li>Class: {quiz.class.name}</li> : <li>Your practice exam</li>}
        <li>{quiz.timeLimitMinutes ? `Time limit: ${quiz.timeLimitMinutes} minutes` : "No time limit"}</li>
        {quiz.opensAt ? <li>Opens {at(quiz.opensAt)}</li> : null}
        {quiz.closesAt ? <li>Closes {at(quiz.closesAt)}</li> : null}
        <li>
          {quiz.mode === "exam" ? "Pass: 720 of 1000" : `Pass mark: ${quiz.passMark}%`} · attempts allowed:{" "}
          {quiz.attemptsAllowed}
        </li>
        <li>{feedbackWords(quiz.feedback).replace(/^a/, "A")}</li>
      </ul>
      {open ? <StartAttemptButton quizId={quiz.id} label="Resume attempt" /> : null}
      {canStart ? <StartAttemptButton quizId={quiz.id} label="Start attempt" /> : null}
      {!open && !canStart ? (
        <p className="notice">
          {window === "not-yet"
            ? "This quiz is not open yet."
            : window === "closed"
              ? "This quiz has closed."
              : "You have used every attempt."}
        </p>
      ) : null}
      {attempts.some((a) => a.status !== "open") ? (
        <section aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">Your attempts</h2>
          <ul>
            {attempts
              .filter((a) => a.status !== "open")
              .map((a) => (
                <li key={a.id}>
                  <Link href={`/quizzes/${quiz.id}/attempts/${a.id}/results`}>Attempt {a.number}</Link>:{" "}
                  {a.scaledScore ?? `${Math.round((a.score ?? 0) * 10) / 10}%`} ·{" "}
                  {a.passed ? "passed" : "not passed"}
                  {a.status === "expired" ? " (time ran out)" : ""}
                  {a.finishedAt ? <> · {at(a.finishedAt)}</> : null}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
