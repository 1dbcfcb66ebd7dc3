import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HeatmapTable } from "@/components/insight/heatmap-table";
import { ReportedQuestions } from "@/components/insight/reported-questions";
import { isAppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/server/auth/session";
import { classHeatmap } from "@/lib/server/data/insight";
import { reportedQuestions } from "@/lib/server/data/insight-reports";
import { listClassQuizzes } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";
import "@/components/insight/insight.css";

export const metadata: Metadata = { title: "Class insight" };

// The class's owner only (the data layer checks; anyone else gets not-found).
export default async function ClassInsightPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole("instructor", `/classes/${encodeURIComponent(classId)}/insight`);
  const loaded = await Promise.all([
    classHeatmap(prisma, user, classId, new Date()),
    listClassQuizzes(prisma, user, classId),
    reportedQuestions(prisma, user),
  ]).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const [map, quizzes, reports] = loaded;
  const base = `/classes/${map.classId}`;
  return (
    <div className="insight-page">
      <div>
        <h1>Insight: {map.className}</h1>
        <p className="lead">
          Who needs help, and which questions mislead. <Link href={base}>Back to the class</Link>
        </p>
      </div>

      <section className="progress-section" aria-labelledby="heatmap-h">
        <h2 id="heatmap-h">Mastery by learner and topic</h2>
        <HeatmapTable map={map} />
        <p>
          <a href={`${base}/insight/heatmap.csv`} download>
            Download the heatmap (CSV)
          </a>
        </p>
      </section>

      <section className="progress-section" aria-labelledby="quiz-stats-h">
        <h2 id="quiz-stats-h">Question statistics by quiz</h2>
        {quizzes.length === 0 ? <p className="muted">No quizzes yet.</p> : null}
        <ul>
          {quizzes.map((q) => (
            <li key={q.id}>
              <Link href={`/quizzes/${q.id}/stats`}>Question statistics: {q.title}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="progress-section" aria-labelledby="reports-h">
        <h2 id="reports-h">Most reported questions</h2>
        <p className="muted">
          Open reports on the questions used by any of your quizzes and your uploaded banks.
        </p>
        <ReportedQuestions questions={reports} />
        <p>
          <a href={`${base}/insight/reports.csv`} download>
            Download the reports (CSV)
          </a>
        </p>
      </section>
    </div>
  );
}
