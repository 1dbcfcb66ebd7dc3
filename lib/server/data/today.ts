import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startWindow } from "@/lib/quiz";
import type { ActingUser } from "../auth/acting-user";
import { finishOverdue } from "./attempts";
import { loadProgress } from "./progress";
import { listLearnerQuizzes } from "./quizzes";
import { loadStudyQueue, questionWhere } from "./study-queue";
import { getStudyPreferences } from "./study-settings";

// Today: what a signed-in learner sees first on `/`. Everything here is read through the study,
// progress and quiz data functions the other pages use, scoped to the acting learner.

/** Where a learner stands with one quiz. Dates are ISO strings. */
export type LearnerQuizStatus =
  | { kind: "not-started" }
  | { kind: "not-open-yet"; opensAt: string }
  | { kind: "closed" }
  | { kind: "in-progress"; attemptId: string; deadline: string | null }
  | {
      kind: "submitted";
      attemptId: string;
      /** Percent 0–100; practice exams also have the scaled score (100–1000). */
      score: number | null;
      scaledScore: number | null;
      passed: boolean | null;
      finishedAt: string;
      /** True when time ran out rather than the learner submitting. */
      isExpired: boolean;
      attemptsUsed: number;
      /** True when the learner may start another attempt now. */
      canRetry: boolean;
    };

/** One row of a learner's quiz list: each row reads differently from every other. */
export type LearnerQuizRow = {
  id: string;
  title: string;
  /** What tells this row apart from others with the same title ("Ops class", "your practice exam, made Dec 6, 2026, 6:58 PM"), or null. */
  distinguisher: string | null;
  isExam: boolean;
  className: string | null;
  opensAt: string | null;
  closesAt: string | null;
  timeLimitMinutes: number | null;
  status: LearnerQuizStatus;
};

/**
 * The quizzes of the learner's classes and their own practice exams, newest first, each with its
 * status (not started; in progress with its deadline; submitted with the last score and date) and,
 * when two rows share a title, what tells them apart: the class, then the day it was made, then a
 * number. Overdue attempts are finished first, so a status never says "in progress" after time is up.
 */
export async function learnerQuizList(
  db: PrismaClient,
  actor: ActingUser,
  now: Date,
): Promise<LearnerQuizRow[]> {
  await finishOverdue(db, { userId: actor.id }, now);
  const [quizzes, prefs] = await Promise.all([listLearnerQuizzes(db, actor), getStudyPreferences(db, actor)]);
  if (quizzes.length === 0) return [];
  const attempts = await db.quizAttempt.findMany({
    where: { userId: actor.id, quizId: { in: quizzes.map((q) => q.id) } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      quizId: true,
      status: true,
      deadline: true,
      finishedAt: true,
      score: true,
      scaledScore: true,
      passed: true,
    },
  });
  const byQuiz = new Map<string, typeof attempts>();
  for (const a of attempts) byQuiz.set(a.quizId, [...(byQuiz.get(a.quizId) ?? []), a]);

  const rows = quizzes.map((quiz): LearnerQuizRow & { createdAt: Date } => {
    const mine = byQuiz.get(quiz.id) ?? [];
    const open = mine.find((a) => a.status === "open");
    const last = mine.filter((a) => a.status !== "open" && a.finishedAt).at(-1);
    const window = startWindow(now, quiz.opensAt, quiz.closesAt);
    let status: LearnerQuizStatus;
    if (open) {
      status = { kind: "in-progress", attemptId: open.id, deadline: open.deadline?.toISOString() ?? null };
    } else if (last?.finishedAt) {
      status = {
        kind: "submitted",
        attemptId: last.id,
        score: last.score,
        scaledScore: last.scaledScore,
        passed: last.passed,
        finishedAt: last.finishedAt.toISOString(),
        isExpired: last.status === "expired",
        attemptsUsed: mine.length,
        canRetry: window === "open" && mine.length < quiz.attemptsAllowed,
      };
    } else if (window === "not-yet" && quiz.opensAt) {
      status = { kind: "not-open-yet", opensAt: quiz.opensAt.toISOString() };
    } else {
      status = window === "closed" ? { kind: "closed" } : { kind: "not-started" };
    }
    return {
      id: quiz.id,
      title: quiz.title,
      distinguisher: null,
      isExam: quiz.mode === "exam",
      className: quiz.class?.name ?? null,
      opensAt: quiz.opensAt?.toISOString() ?? null,
      closesAt: quiz.closesAt?.toISOString() ?? null,
      timeLimitMinutes: quiz.timeLimitMinutes,
      status,
      createdAt: quiz.createdAt,
    };
  });
  distinguishTitles(rows, prefs.timeZone);
  return rows.map(({ createdAt: _created, ...row }) => row);
}

/** Gives every row that shares its title with another a distinguisher, until no two rows read alike. */
function distinguishTitles(rows: Array<LearnerQuizRow & { createdAt: Date }>, timeZone: string): void {
  const made = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone });
  const readsAs = (row: LearnerQuizRow) => `${row.title}\u0000${row.distinguisher ?? ""}`;
  const clashes = () => {
    const count = new Map<string, number>();
    for (const row of rows) count.set(readsAs(row), (count.get(readsAs(row)) ?? 0) + 1);
    return rows.filter((row) => (count.get(readsAs(row)) ?? 0) > 1);
  };
  for (const row of clashes()) row.distinguisher = row.className ?? "your practice exam";
  for (const row of clashes())
    row.distinguisher = `${row.distinguisher}, made ${made.format(row.createdAt).replace(/\u202f/g, " ")}`;
  const numbered = new Map<string, number>();
  // Oldest first gets 1: the numbers stay put when a newer copy is made.
  for (const row of [...clashes()].reverse()) {
    const n = (numbered.get(readsAs(row)) ?? 0) + 1;
    numbered.set(readsAs(row), n);
    row.distinguisher = `${row.distinguisher} (${n})`;
  }
}

/** Everything Today shows. Dates are ISO strings; `timeZone` is the learner's saved zone. */
export type TodayView = {
  timeZone: string;
  /** Cards due now: learning steps and reviews. */
  dueNow: number;
  /** New cards the learner can still start today (the daily limit, capped by the cards there are). */
  newToday: number;
  /** When the next scheduled card falls due after now, or null when none is scheduled. */
  nextDueAt: string | null;
  exam: {
    examDate: string;
    daysLeft: number;
    /** Predicted share of exam questions answered right on the day, with its 95% range (0–1). */
    estimate: number;
    low: number;
    high: number;
    target: number;
  } | null;
  /** Attempts the learner has open: resume before the deadline. */
  openAttempts: LearnerQuizRow[];
  /** Class quizzes still to take: open now or opening later, not yet attempted. */
  classQuizzes: LearnerQuizRow[];
};

const EVERYTHING = { topics: [], tags: [], banks: [] };

/**
 * The learner's day: the study queue's counts (due now, new left today) and when the next card
 * falls due, the exam countdown and readiness when an exam date lies ahead, open attempts and
 * class quizzes still to take with their deadlines.
 */
export async function loadToday(db: PrismaClient, actor: ActingUser, now: Date): Promise<TodayView> {
  const [prefs, queue, quizzes] = await Promise.all([
    getStudyPreferences(db, actor),
    loadStudyQueue(db, actor, EVERYTHING, now, { limit: 0 }),
    learnerQuizList(db, actor, now),
  ]);
  const [next, progress] = await Promise.all([
    db.studyCard.findFirst({
      where: {
        userId: actor.id,
        phase: { not: "new" },
        suspendedAt: null,
        due: { gt: now },
        OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
        question: questionWhere(EVERYTHING, actor.id),
      },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
    prefs.examDate && prefs.examDate > now ? loadProgress(db, actor, now) : null,
  ]);
  const exam = progress?.exam ?? null;
  return {
    timeZone: prefs.timeZone,
    dueNow: queue.counts.due + queue.counts.learning,
    newToday: queue.counts.new,
    nextDueAt: next?.due.toISOString() ?? null,
    exam: exam
      ? {
          examDate: exam.examDate,
          daysLeft: exam.daysLeft,
          estimate: exam.estimate,
          low: exam.low,
          high: exam.high,
          target: exam.target,
        }
      : null,
    openAttempts: quizzes.filter((q) => q.status.kind === "in-progress"),
    classQuizzes: quizzes.filter(
      (q) => !q.isExam && (q.status.kind === "not-started" || q.status.kind === "not-open-yet"),
    ),
  };
}
