import type { Metadata } from "next";
import Link from "next/link";
import { CreateClassForm } from "@/components/teach/create-class-form";
import { JoinClassForm } from "@/components/teach/join-class-form";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageUser } from "@/lib/server/auth/session";
import { listJoinedClasses, listOwnedClasses } from "@/lib/server/data/classes";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const user = await requirePageUser("/classes");
  const isInstructor = hasRole(user, "instructor");
  const [owned, joined] = await Promise.all([
    listOwnedClasses(prisma, user),
    listJoinedClasses(prisma, user),
  ]);
  return (
    <div className="classes-page">
      <h1>Classes</h1>
      {isInstructor ? (
        <section aria-labelledby="teaching-heading">
          <h2 id="teaching-heading">Classes you teach</h2>
          {owned.length === 0 ? <p>No classes yet.</p> : null}
          <ul>
            {owned.map((c) => (
              <li key={c.id}>
                <Link href={`/classes/${c.id}`}>{c.name}</Link>{" "}
                <span className="muted">
                  code {c.joinCode} · {c._count.members} learners · {c._count.quizzes} quizzes
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/teach/banks">Your own question banks</Link>
          </p>
          <h3>New class</h3>
          <CreateClassForm />
        </section>
      ) : null}
      <section aria-labelledby="joined-heading">
        <h2 id="joined-heading">Classes you joined</h2>
        {joined.length === 0 ? <p>None yet.</p> : null}
        <ul>
          {joined.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
        {joined.length > 0 ? <Link href="/quizzes">Your quizzes</Link> : null}
        <h3>Join a class</h3>
        <JoinClassForm />
      </section>
    </div>
  );
}
