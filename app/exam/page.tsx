import type { Metadata } from "next";
import { ExamBuilderForm } from "@/components/quiz/exam-builder-form";
import { requirePageUser } from "@/lib/server/auth/session";
import { examTopics } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "Practice exam" };

export default async function ExamPage() {
  await requirePageUser("/exam");
  const topics = await examTopics(prisma);
  return (
    <div>
      <h1>Practice exam</h1>
      <p className="lead">
        Like the real certification: a set number of questions against the clock, flag and review, then a
        scaled score from 100 to 1000 (720 passes) with the breakdown by domain. Only the questions the banks
        have can be drawn, so a small bank gives a shorter exam.
      </p>
      <ExamBuilderForm topics={topics} />
    </div>
  );
}
