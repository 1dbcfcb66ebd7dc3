import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteQuizForm } from "@/components/teach/delete-quiz-form";
import { DuplicateQuizButton } from "@/components/teach/duplicate-quiz-button";
import { feedbackWords } from "@/components/teach/feedback-words";
import { LocalTime } from "@/components/today/local-time";
import { requirePageRole } from "@/lib/server/auth/session";
import { getManagedQuiz } from "@/lib/server/data/quiz-manage";
import { getStudyPreferences } from "@/lib/server/data/study-settings";
import { prisma } from "@/lib/server/db";

export const metadata: Metadata = { title: "Quiz settings" };

export default async function ManageQuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageRole("instructor", `/quizzes/${encodeURIComponent(quizId)}/manage`);
  const managed = await getManagedQuiz(prisma, user, quizId);
  if (!managed) notFound();
  const { quiz, attempts, questionIds } = managed;
  const { timeZone } = await getStudyPreferences(prisma, user);
  const at = (date: Date) => <LocalTime iso={date.toISOString()} savedZone={timeZone} />;
  return (
    <div>
      <h1>{quiz.title}</h1>
      <ul>
        <li>
          {quiz.selection === "fixed"
            ? `A fixed list of ${questionIds.length} questions`
            : `${quiz.perTopic} random questions per topic`}
          {quiz.shuffleQuestions ? ", questions shuffled" : ""}
          {quiz.shuffleOptions ? ", options shuffled" : ""}
        </li>
        <li>{quiz.timeLimitMinutes ? `${quiz.timeLimitMinutes} minutes` : "No time limit"}</li>
        <li>Opens: {quiz.opensAt ? at(quiz.opensAt) : "now"}</li>
        <li>Closes: {quiz.closesAt ? at(quiz.closesAt) : "never"}</li>
        <li>
          Attempts allowed: {quiz.attemptsAllowed} · pass mark {quiz.passMark}%
        </li>
        <li>Feedback: {feedbackWords(quiz.feedback)}</li>
        <li>
          {attempts === 0
            ? "No attempts yet"
            : `${attempts} ${attempts === 1 ? "attempt" : "attempts"} so far (the questions are locked)`}
        </li>
      </ul>
      <p>
        <Link href={`/quizzes/${quiz.id}/edit`}>Edit settings</Link> ·{" "}
        <Link href={`/quizzes/${quiz.id}/preview`}>Preview as a learner</Link> ·{" "}
        <Link href={`/classes/${quiz.classId}`}>Class and gradebook</Link>
      </p>
      <p>
        <Link href={`/quizzes/${quiz.id}/stats`}>Question statistics</Link>
      </p>
      <DuplicateQuizButton quizId={quiz.id} />
      <DeleteQuizForm quizId={quiz.id} title={quiz.title} attempts={attempts} />
    </div>
  );
}
