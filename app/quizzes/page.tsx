import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/session";
import { listLearnerQuizzes } from "@/lib/server/data/quizzes";
import { prisma } from "@/lib/server/db";

export const metadata: Metadata = { title: "Quizzes" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function QuizzesPage() {
  const user = await requirePageUser("/quizzes");
  const quizzes = await listLearnerQuizzes(prisma, user);
  return (
    <div>
      <h1>Quizzes</h1>
      <p>
        Quizzes from your classes and your own practice exams. <Link href="/exam">Build a practice exam</Link>{" "}
        · <Link href="/classes">Join a class</Link>
      </p>
      {quizzes.length === 0 ? <p>No quizzes yet.</p> : null}
      <ul>
        {quizzes.map((q) => (
          <li key={q.id}>
            <Link href={`/quizzes/${q.id}`}>{q.title}</Link>{" "}
            <span className="muted">
              {q.mode === "exam" ? "practice exam" : q.class?.name}
              {q.timeLimitMinutes ? ` · ${q.timeLimitMinutes} min` : ""}
              {q.closesAt ? ` · closes ${when.format(q.closesAt)} UTC` : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
