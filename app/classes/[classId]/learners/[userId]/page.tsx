import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBody } from "@/components/progress/progress-body";
import { isAppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/server/auth/session";
import { learnerDrillDown } from "@/lib/server/data/insight";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/progress/progress.css";
import "@/components/insight/insight.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.learner");
  return { title: t("title") };
}

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
  const [t, format] = await Promise.all([getTranslations("classes.learner"), getFormatter()]);
  // The table says its times are UTC, so they are formatted in UTC whatever the viewer's zone.
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="progress-page">
      <div>
        <h1>{view.learner.name}</h1>
        <p className="lead">
          {t("inClass", { email: view.learner.email, className: view.className })}{" "}
          <Link href={`/classes/${view.classId}/insight`}>{t("back")}</Link>
        </p>
      </div>
      <section className="progress-section" aria-labelledby="attempts-h">
        <h2 id="attempts-h">{t("results")}</h2>
        {view.attempts.length === 0 ? (
          <p className="muted">{t("none")}</p>
        ) : (
          <div className="insight-scroll">
            <table className="stats-table" aria-labelledby="attempts-h">
              <thead>
                <tr>
                  <th scope="col">{t("quiz")}</th>
                  <th scope="col">{t("attempt")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("score")}</th>
                  <th scope="col">{t("result")}</th>
                  <th scope="col">{t("finished")}</th>
                </tr>
              </thead>
              <tbody>
                {view.attempts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.quizTitle}</th>
                    <td className="num">{a.number}</td>
                    <td>
                      {/* i18n-keys: classes.learner.state.* */}
                      {t(`state.${a.status === "open" || a.status === "expired" ? a.status : "submitted"}`)}
                    </td>
                    <td className="num">{a.score === null ? "–" : `${Number(a.score.toFixed(1))}%`}</td>
                    <td>
                      {a.status === "open" ? (
                        "–"
                      ) : (
                        <Link href={`/quizzes/${a.quizId}/attempts/${a.id}/results`}>
                          {a.passed ? t("passed") : t("notPassed")}
                        </Link>
                      )}
                    </td>
                    <td>{a.finishedAt ? when(a.finishedAt) : "–"}</td>
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
