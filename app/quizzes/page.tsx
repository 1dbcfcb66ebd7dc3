import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { QuizRowItem } from "@/components/today/quiz-status";
import { requirePageUser } from "@/lib/server/auth/session";
import { listJoinedClasses } from "@/lib/server/data/classes";
import { getStudyPreferences } from "@/lib/server/data/study-settings";
import { learnerQuizList } from "@/lib/server/data/today";
import { prisma } from "@/lib/server/db";
import "@/components/today/today.css";

export const metadata: Metadata = { title: "Quizzes" };

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
  const [quizzes, prefs, classes] = await Promise.all([
    learnerQuizList(prisma, user, now),
    getStudyPreferences(prisma, user),
    joined ? listJoinedClasses(prisma, user) : [],
  ]);
  // Only a class the learner is on the roster of is named: the id in the address proves nothing.
  const joinedClass = classes.find((c) => c.id === joined);
  return (
    <div className="quizzes-page">
      <h1>Quizzes</h1>
      {joinedClass ? (
        <p className="notice notice--success" role="status">
          You joined <strong>{joinedClass.name}</strong>.{" "}
          {quizzes.some((q) => q.className === joinedClass.name)
            ? "Its quizzes are listed below."
            : "It has no quizzes yet: they will be listed here and on Today."}
        </p>
      ) : null}
      <p>
        Quizzes from your classes and your own practice exams. <Link href="/exam">Build a practice exam</Link>{" "}
        · <Link href="/classes">Join a class</Link>
      </p>
      {quizzes.length === 0 ? <p>No quizzes yet.</p> : null}
      <ul className="quiz-rows" aria-label="Your quizzes">
        {quizzes.map((row) => (
          <QuizRowItem key={row.id} row={row} now={now} savedZone={prefs.timeZone} />
        ))}
      </ul>
    </div>
  );
}
