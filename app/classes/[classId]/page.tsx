import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CopyJoinLink } from "@/components/teach/copy-join-link";
import { DuplicateQuizButton } from "@/components/teach/duplicate-quiz-button";
import { MemberControls, RotateJoinCodeButton, UnblockButton } from "@/components/teach/member-controls";
import { requestOrigin } from "@/lib/server/auth/origin";
import { requirePageRole } from "@/lib/server/auth/session";
import { getOwnedClass } from "@/lib/server/data/classes";
import { classGradebook } from "@/lib/server/data/gradebook";
import { listClassQuizzes } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";
import "@/components/teach/class-page.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.page");
  return { title: t("title") };
}

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole("instructor", `/classes/${encodeURIComponent(classId)}`);
  const klass = await getOwnedClass(prisma, user, classId);
  if (!klass) notFound();
  const [quizzes, book, t] = await Promise.all([
    listClassQuizzes(prisma, user, classId),
    classGradebook(prisma, user, classId, new Date()),
    getTranslations("classes.page"),
  ]);
  const pct = (n: number | null) => (n === null ? "–" : t("percent", { value: n }));
  const joinUrl = `${requestOrigin(new Headers(await headers()))}/join/${klass.joinCode}`;
  return (
    <div className="class-page">
      <h1>{klass.name}</h1>
      <p>
        {t.rich("joinCode", {
          code: klass.joinCode,
          strong: (chunks) => <strong data-testid="join-code">{chunks}</strong>,
        })}
      </p>
      <CopyJoinLink url={joinUrl} />
      <RotateJoinCodeButton classId={klass.id} />
      <p>
        <Link href={`/classes/${klass.id}/insight`}>{t("insight")}</Link>
      </p>
      <section aria-labelledby="quizzes-heading">
        <h2 id="quizzes-heading">{t("quizzes")}</h2>
        <p>
          <Link className="button button--primary" href={`/classes/${klass.id}/quizzes/new`}>
            {t("newQuiz")}
          </Link>
        </p>
        {quizzes.length === 0 ? <p>{t("noQuizzes")}</p> : null}
        <ul>
          {quizzes.map((q) => (
            <li key={q.id}>
              <Link href={`/quizzes/${q.id}/manage`}>{q.title}</Link>{" "}
              <Link href={`/quizzes/${q.id}/preview`}>{t("preview")}</Link>{" "}
              <DuplicateQuizButton quizId={q.id} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="gradebook-heading">
        <h2 id="gradebook-heading">{t("gradebook")}</h2>
        <p>
          <a href={`/classes/${klass.id}/gradebook.csv`} download>
            {t("downloadCsv")}
          </a>
        </p>
        <div className="table-scroll">
          <table className="teach-table" aria-labelledby="gradebook-heading">
            <thead>
              <tr>
                <th scope="col">{t("learner")}</th>
                {book.quizzes.map((q) => (
                  <th key={q.id} scope="col">
                    {t("bestLast", { title: q.title })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {book.learners.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  {l.cells.map((c, i) => (
                    <td key={book.quizzes[i]?.id}>
                      {pct(c.best)} / {pct(c.last)}
                      {c.open ? ` ${t("inProgress")}` : ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">{t("roster", { count: klass.members.length })}</h2>
        {klass.members.length === 0 ? <p>{t("nobody")}</p> : null}
        <div className="table-scroll">
          <table className="teach-table roster-table" aria-labelledby="roster-heading">
            <tbody>
              {klass.members.map((m) => (
                <tr key={m.user.id}>
                  <th scope="row">{m.user.name}</th>
                  <td className="cell-email">{m.user.email}</td>
                  <td>
                    <MemberControls classId={klass.id} userId={m.user.id} name={m.user.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {klass.blocks.length > 0 ? (
        <section aria-labelledby="blocked-heading">
          <h2 id="blocked-heading">{t("blocked", { count: klass.blocks.length })}</h2>
          <p>{t("blockedHint")}</p>
          <div className="table-scroll">
            <table className="teach-table roster-table" aria-labelledby="blocked-heading">
              <tbody>
                {klass.blocks.map((b) => (
                  <tr key={b.user.id}>
                    <th scope="row">{b.user.name}</th>
                    <td className="cell-email">{b.user.email}</td>
                    <td>
                      <UnblockButton classId={klass.id} userId={b.user.id} name={b.user.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
