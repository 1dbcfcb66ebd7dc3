import type { Metadata } from "next";
import Link from "next/link";
import { ExamForm } from "@/components/progress/exam-form";
import { ProgressBody } from "@/components/progress/progress-body";
import { requirePageUser } from "@/lib/server/auth/session";
import { loadProgress } from "@/lib/server/data/progress";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";

export const metadata: Metadata = { title: "Progress" };

// Signed-in learners: their own progress only (the data layer scopes every query to them).
export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const view = await loadProgress(prisma, user, new Date());
  return (
    <div className="progress-page">
      <div>
        <h1>Progress</h1>
        <p className="lead">
          What your review log says about you, in your time zone ({view.timeZone}, days start at{" "}
          {view.dayStartHour}:00). <Link href="/study">Study now</Link>
        </p>
      </div>
      <ProgressBody
        view={view}
        examForm={
          <ExamForm
            examDate={view.exam ? view.exam.examDate.slice(0, 10) : ""}
            target={view.examTargetRecall}
          />
        }
      />
    </div>
  );
}
