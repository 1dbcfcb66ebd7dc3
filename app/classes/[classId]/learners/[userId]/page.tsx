import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBody } from "@/components/progress/progress-body";
import { isAppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/server/auth/session";
import { learnerDrillDown } from "@/lib/server/data/insight";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";
import "@/components/insight/insight.css";

export const metadata: Metadata = { title: "Learner" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// The class's owner only, for a learner on that class's roster (anyone else gets not-found).
export default async function LearnerPage({
  params,
}: {
  params: Promise<{ classId: string; userId: string }>;
}) {
  const { classId, userId } = await params;
  const path = `/classes/${encodeURIComponent(classId)}/learners/${encodeURIComponent(userId)}`;
  const user = await requirePageRole("instructor", path);
  const view = await learnerDrillDown(prisma, user, classId, userId, new Date()).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  return (
    <div className="progress-page">
      <div>
        <h1>{view.learner.name}</h1>
        <p className="lead">
          {view.learner.email} · in {view.className}.{" "}
          <Link href={`/classes/${view.classId}/insight`}>Back to the class insight</Link>
        </p>
      </div>
      <section className="progress-section" aria-labelledby="attempts-h">
        <h2 id="attempts-h">Quiz results</h2>
        {view.attempts.length === 0 ? (
          <p className="muted">No attempts at this class&apos;s quizzes yet.</p>
        ) : (
          <div className="insight-scroll">
            <table className="stats-table" aria-labelledby="attempts-h">
              <thead>
                <tr>
                  <th scope="col">Quiz</th>
                  <th scope="col">Attempt</th>
                  <th scope="col">Status</th>
                  <th scope="col">Score</th>
                  <th scope="col">Result</th>
                  <th scope="col">Finished (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {view.attempts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.quizTitle}</th>
                    <td className="num">{a.number}</td>
                    <td>{a.status === "open" ? "in progress" : a.status}</td>
                    <td className="num">{a.score === null ? "–" : `${Number(a.score.toFixed(1))}%`}</td>
                    <td>
                      {a.status === "open" ? (
                        "–"
                      ) : (
                        <Link href={`/quizzes/${a.quizId}/attempts/${a.id}/results`}>
                          {a.passed ? "Passed" : "Not passed"}
                        </Link>
                      )}
                    </td>
                    <td>{a.finishedAt ? when.format(new Date(a.finishedAt)) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ProgressBody view={view.progress} />
    </div>
  );
}
