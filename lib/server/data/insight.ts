import "server-only";
import { DECK_TOPIC } from "@/lib/bank/deck-card";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { type MasteryRow, masteryBy, type ProgressCard } from "@/lib/progress";
import { type ActingUser, ForbiddenError } from "../auth/acting-user";
import { finishOverdue } from "./attempts";
import { inOpenBank } from "./bank-visibility";
import { assertOwnsClass } from "./classes";
import { cardTotalsByTopic, loadProgress, type ProgressView } from "./progress";
import { getStudyPreferences } from "./study-settings";
import { topicLabel } from "./topics";

// Class insight for its instructor: every learner on the roster × every topic, coloured by the
// same mastery the learner's own dashboard shows (lib/progress masteryBy: mean FSRS retrievability
// today over the topic's cards, and the share with an interval of 21 days or more), and a
// read-only drill-down into one learner's dashboard. Only the class's owner gets anything.

export type HeatCell = Pick<MasteryRow, "cards" | "studied" | "meanRecall" | "matureShare">;

export type ClassHeatmap = {
  classId: string;
  className: string;
  generatedAt: string;
  topics: Array<{ key: string; label: string }>;
  learners: Array<{ id: string; name: string; email: string; cells: HeatCell[] }>;
};

const EMPTY_CELL: HeatCell = { cards: 0, studied: 0, meanRecall: 0, matureShare: 0 };

/** A roster member as the progress loaders take them (they only read `id`). */
const asLearner = (user: { id: string; name: string; email: string }): ActingUser => ({
  ...user,
  roles: ["learner"],
});

/** The class's owner only: the learners × topics heatmap, topics named in `locale`. Learners who never studied get empty cells. */
export async function classHeatmap(
  db: PrismaClient,
  actor: ActingUser,
  classId: string,
  now: Date,
  locale: Locale = "en",
): Promise<ClassHeatmap> {
  await assertOwnsClass(db, actor, classId);
  const klass = await db.class.findUniqueOrThrow({
    where: { id: classId },
    select: {
      name: true,
      members: {
        orderBy: { joinedAt: "asc" },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  const people = klass.members.map((m) => m.user);
  const ids = people.map((p) => p.id);
  const [totals, cardRows, topicRows, prefs] = await Promise.all([
    cardTotalsByTopic(db),
    // Only cards of open banks: a learner's personal deck is theirs alone, even to their instructor.
    db.studyCard.findMany({
      where: { userId: { in: ids }, question: inOpenBank },
      select: {
        userId: true,
        questionId: true,
        phase: true,
        stability: true,
        lastReview: true,
        scheduledDays: true,
        due: true,
      },
    }),
    db.question.findMany({ select: { id: true, topic: true } }),
    Promise.all(people.map((p) => getStudyPreferences(db, asLearner(p)))),
  ]);
  const topicOf = new Map(topicRows.map((q) => [q.id, q.topic]));
  const cardsOf = new Map<string, ProgressCard[]>(ids.map((id) => [id, []]));
  for (const c of cardRows)
    cardsOf.get(c.userId)?.push({
      phase: c.phase,
      stability: c.stability,
      lastReview: c.lastReview,
      scheduledDays: c.scheduledDays,
      due: c.due,
      topic: topicOf.get(c.questionId) ?? "",
    });
  const rows = people.map((p, i) =>
    masteryBy(
      cardsOf.get(p.id) ?? [],
      totals,
      (c) => c.topic || null,
      (key) => topicLabel(key, locale),
      now,
      prefs[i]?.weights,
    ),
  );
  const topicKeys = new Set([...totals.keys(), ...rows.flatMap((r) => r.map((cell) => cell.key))]);
  const topics = [...topicKeys]
    .map((key) => ({ key, label: topicLabel(key, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return {
    classId,
    className: klass.name,
    generatedAt: now.toISOString(),
    topics,
    learners: people.map((p, i) => {
      const byKey = new Map((rows[i] ?? []).map((r) => [r.key, r]));
      return {
        ...p,
        cells: topics.map((t) => {
          const r = byKey.get(t.key);
          return r
            ? { cards: r.cards, studied: r.studied, meanRecall: r.meanRecall, matureShare: r.matureShare }
            : EMPTY_CELL;
        }),
      };
    }),
  };
}

export type LearnerDrillDown = {
  classId: string;
  className: string;
  learner: { id: string; name: string; email: string };
  attempts: Array<{
    id: string;
    quizId: string;
    quizTitle: string;
    number: number;
    status: string;
    score: number | null;
    passed: boolean | null;
    finishedAt: string | null;
  }>;
  progress: ProgressView;
};

/**
 * The class's owner only, for a learner on that class's roster: the learner's own dashboard
 * (read through the same loader they see) and their attempts at the class's quizzes.
 */
export async function learnerDrillDown(
  db: PrismaClient,
  actor: ActingUser,
  classId: string,
  userId: string,
  now: Date,
): Promise<LearnerDrillDown> {
  const me = await assertOwnsClass(db, actor, classId);
  const member = await db.classMember.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { user: { select: { id: true, name: true, email: true } }, class: { select: { name: true } } },
  });
  if (!member) throw new ForbiddenError(`User ${userId} is not on class ${classId} of ${me.id}`);
  await finishOverdue(db, { classId, userId }, now);
  const [progress, attempts] = await Promise.all([
    loadProgress(db, asLearner(member.user), now),
    db.quizAttempt.findMany({
      where: { userId, quiz: { classId } },
      orderBy: [{ startedAt: "asc" }, { number: "asc" }],
      select: {
        id: true,
        quizId: true,
        number: true,
        status: true,
        score: true,
        passed: true,
        finishedAt: true,
        quiz: { select: { title: true } },
      },
    }),
  ]);
  return {
    classId,
    className: member.class.name,
    learner: member.user,
    attempts: attempts.map((a) => ({
      id: a.id,
      quizId: a.quizId,
      quizTitle: a.quiz.title,
      number: a.number,
      status: a.status,
      score: a.score,
      passed: a.status === "open" ? null : a.passed,
      finishedAt: a.finishedAt?.toISOString() ?? null,
    })),
    // A learner's personal decks are theirs alone: their mastery row is not shown to the instructor.
    progress: { ...progress, byTopic: progress.byTopic.filter((row) => row.key !== DECK_TOPIC) },
  };
}
