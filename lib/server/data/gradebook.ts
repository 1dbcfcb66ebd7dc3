import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ActingUser, assertRole } from "../auth/acting-user";
import { finishOverdue } from "./attempts";
import { assertOwnsClass } from "./classes";

// The instructor's gradebook: every learner on the roster (and anyone removed who has attempts)
// × every quiz of the class, with the best and the last finished score.

export type GradeCell = { best: number | null; last: number | null; attempts: number; open: boolean };
export type Gradebook = {
  quizzes: Array<{ id: string; title: string }>;
  learners: Array<{ id: string; name: string; email: string; cells: GradeCell[] }>;
};

/** The class's owner only; overdue attempts are finished first, so the grades are final. */
export async function classGradebook(
  db: PrismaClient,
  actor: ActingUser,
  classId: string,
  now: Date,
): Promise<Gradebook> {
  await assertOwnsClass(db, actor, classId);
  await finishOverdue(db, { classId }, now);
  const [quizzes, members, attempts] = await Promise.all([
    db.quiz.findMany({
      where: { classId },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true },
    }),
    db.classMember.findMany({
      where: { classId },
      orderBy: { joinedAt: "asc" },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    db.quizAttempt.findMany({
      where: { quiz: { classId } },
      orderBy: { number: "asc" },
      select: {
        quizId: true,
        status: true,
        score: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  const people = new Map(members.map((m) => [m.user.id, m.user]));
  for (const a of attempts) if (!people.has(a.user.id)) people.set(a.user.id, a.user);
  return {
    quizzes,
    learners: [...people.values()].map((person) => ({
      ...person,
      cells: quizzes.map((quiz) => {
        const mine = attempts.filter((a) => a.user.id === person.id && a.quizId === quiz.id);
        const scores = mine
          .filter((a) => a.status !== "open" && a.score !== null)
          .map((a) => a.score as number);
        return {
          best: scores.length ? Math.max(...scores) : null,
          last: scores.length ? (scores[scores.length - 1] as number) : null,
          attempts: mine.length,
          open: mine.some((a) => a.status === "open"),
        };
      }),
    })),
  };
}

/** A CSV cell, quoted, with formula-starting text defused (OWASP CSV injection). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  // A number is data, not a formula: -0.33 stays -0.33 (a discrimination index can be negative).
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The gradebook as CSV: one row per learner, best and last score per quiz. */
export function gradebookCsv(book: Gradebook): string {
  const header = [
    "Name",
    "Email",
    ...book.quizzes.flatMap((q) => [`${q.title} (best)`, `${q.title} (last)`]),
  ];
  const rows = book.learners.map((l) => [l.name, l.email, ...l.cells.flatMap((c) => [c.best, c.last])]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * The gradebook CSV text for the class's owner: an AppError for anyone else (401 signed out, 403
 * otherwise; the route answers 404 with no data). Finishes overdue attempts, as any read does.
 */
export async function gradebookCsvFor(
  db: PrismaClient,
  actor: ActingUser | null,
  classId: string,
  now: Date = new Date(),
): Promise<string> {
  return gradebookCsv(await classGradebook(db, assertRole(actor, "instructor"), classId, now));
}
