import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizBuilderForm } from "@/components/teach/quiz-builder-form";
import { requirePageRole } from "@/lib/server/auth/session";
import { getOwnedClass } from "@/lib/server/data/classes";
import { builderChoices } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "New quiz" };

export default async function NewQuizPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole("instructor", `/classes/${encodeURIComponent(classId)}/quizzes/new`);
  const klass = await getOwnedClass(prisma, user, classId);
  if (!klass) notFound();
  const choices = await builderChoices(prisma, user);
  return (
    <div>
      <h1>New quiz for {klass.name}</h1>
      <QuizBuilderForm
        target={{ classId: klass.id }}
        topics={choices.topics}
        tags={choices.tags}
        questions={choices.questions}
      />
    </div>
  );
}
