import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizBuilderForm } from "@/components/teach/quiz-builder-form";
import { requirePageRole } from "@/lib/server/auth/session";
import { getOwnedClass } from "@/lib/server/data/classes";
import { listInstructorBanks } from "@/lib/server/data/instructor-banks";
import { builderQuestions } from "@/lib/server/data/quizzes";
import { studyCatalog } from "@/lib/server/data/study-catalog";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "New quiz" };

export default async function NewQuizPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole("instructor", `/classes/${encodeURIComponent(classId)}/quizzes/new`);
  const klass = await getOwnedClass(prisma, user, classId);
  if (!klass) notFound();
  const [catalog, questions, ownBanks] = await Promise.all([
    studyCatalog(prisma),
    builderQuestions(prisma, user),
    listInstructorBanks(prisma, user),
  ]);
  const topics = catalog.topics.map((t) => ({ value: t.topic, label: t.label }));
  for (const b of ownBanks)
    if (!topics.some((t) => t.value === b.bank.topic))
      topics.push({ value: b.bank.topic, label: `${b.bank.topic} (your bank)` });
  return (
    <div>
      <h1>New quiz for {klass.name}</h1>
      <QuizBuilderForm
        classId={klass.id}
        topics={topics}
        tags={catalog.tags.map((t) => t.tag)}
        questions={questions}
      />
    </div>
  );
}
