import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { QuizRowItem } from "@/components/today/quiz-status";
import { requirePageUser } from "@/lib/server/auth/session";
import { listJoinedClasses } from "@/lib/server/data/classes";
import { getStudyPreferences } from "@/lib/server/data/study-settings";
import { learnerQuizList } from "@/lib/server/data/today";
import { prisma } from "@/lib/server/db";
import "@/components/today/today.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.list");
  return { title: t("title") };
}

// ?joined=<class id>: set by "Join class", so the page says which class the learner just joined.
const searchSchema = z.object({ joined: z.string().max(100).optional().catch(undefined) });

export default async function QuizzesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("/quizzes");
  const { joined } = searchSchema.parse(await searchParams);
  const now = new Date();
  const [quizzes, prefs, classes, t] = await Promise.all([
    learnerQuizList(prisma, user, now),
    getStudyPreferences(prisma, user),
    joined ? listJoinedClasses(prisma, user) : [],
    getTranslations("quiz.list"),
  ]);
  // Only a class the learner is on the roster of is named: the id in the address proves nothing.
  const joinedClass = classes.find((c) => c.id === joined);
  return (
    <div className="quizzes-page">
      <h1>{t("title")}</h1>
      {joinedClass ? (
        <p className="notice notice--success" role="status">
          {t.rich("joined", { name: joinedClass.name, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          {quizzes.some((q) => q.className === joinedClass.name)
            ? t("joinedHasQuizzes")
            : t("joinedNoQuizzes")}
        </p>
      ) : null}
      <p>
        {t("lead")} <Link href="/exam">{t("buildExam")}</Link> · <Link href="/classes">{t("joinClass")}</Link>
      </p>
      {quizzes.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="quiz-rows" aria-label={t("yours")}>
        {quizzes.map((row) => (
          <QuizRowItem key={row.id} row={row} now={now} savedZone={prefs.timeZone} />
        ))}
      </ul>
    </div>
  );
}
