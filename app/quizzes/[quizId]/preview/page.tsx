import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuizPreview } from "@/components/quiz/quiz-preview";
import { requirePageUser } from "@/lib/server/auth/session";
import { previewQuestions } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "Preview quiz" };

export default async function PreviewPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await requirePageUser(`/quizzes/${encodeURIComponent(quizId)}/preview`);
  const preview = await previewQuestions(prisma, user, quizId);
  if (!preview) notFound();
  return (
    <div>
      <h1>Preview: {preview.quiz.title}</h1>
      <p className="notice">
        What a learner sees{preview.quiz.selection === "random" ? " (one sample draw)" : ""}. Nothing is
        saved. <Link href={`/quizzes/${preview.quiz.id}/manage`}>Back to the quiz</Link>
      </p>
      <QuizPreview items={preview.items} />
    </div>
  );
}
