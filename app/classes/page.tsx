import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateClassForm } from "@/components/teach/create-class-form";
import { JoinClassForm } from "@/components/teach/join-class-form";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageUser } from "@/lib/server/auth/session";
import { listJoinedClasses, listOwnedClasses } from "@/lib/server/data/classes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes");
  return { title: t("title") };
}

export default async function ClassesPage() {
  const user = await requirePageUser("/classes");
  const isInstructor = hasRole(user, "instructor");
  const [owned, joined, t] = await Promise.all([
    listOwnedClasses(prisma, user),
    listJoinedClasses(prisma, user),
    getTranslations("classes"),
  ]);
  return (
    <div className="classes-page">
      <h1>{t("title")}</h1>
      {isInstructor ? (
        <section aria-labelledby="teaching-heading">
          <h2 id="teaching-heading">{t("teaching")}</h2>
          {owned.length === 0 ? <p>{t("noneTaught")}</p> : null}
          <ul>
            {owned.map((c) => (
              <li key={c.id}>
                <Link href={`/classes/${c.id}`}>{c.name}</Link>{" "}
                <span className="muted">
                  {t("summary", { code: c.joinCode, learners: c._count.members, quizzes: c._count.quizzes })}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/teach/banks">{t("ownBanks")}</Link>
          </p>
          <h3>{t("newClass")}</h3>
          <CreateClassForm />
        </section>
      ) : null}
      <section aria-labelledby="joined-heading">
        <h2 id="joined-heading">{t("joined")}</h2>
        {joined.length === 0 ? <p>{t("noneJoined")}</p> : null}
        <ul>
          {joined.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
        {joined.length > 0 ? <Link href="/quizzes">{t("yourQuizzes")}</Link> : null}
        <h3>{t("join")}</h3>
        <JoinClassForm />
      </section>
    </div>
  );
}
