import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  countByDay,
  type DayRule,
  domainOfTopic,
  domainTotals,
  dueForecast,
  examReadiness,
  type MasteryRow,
  type Misconception,
  masteryBy,
  type ProgressCard,
  type Readiness,
  SAA_C03_DOMAINS,
  streaks,
  type TrendWeek,
  topMisconceptions,
  weeklyTrends,
} from "@/lib/progress";
import type { ActingUser } from "../auth/acting-user";
import { sidesOf } from "../study/present-card";
import { reviewHistory } from "./progress-history";
import { parseStoredQuestion } from "./study-queue";
import { getStudyPreferences } from "./study-settings";
import { topicLabel } from "./topics";

/** Everything the /progress page shows, as plain JSON-able values (dates as ISO strings or keys). */
export type ProgressView = {
  generatedAt: string;
  timeZone: string;
  dayStartHour: number;
  desiredRetention: number;
  totals: { reviews: number; msStudied: number; cardsStudied: number; cardsTotal: number };
  byTopic: MasteryRow[];
  byDomain: Array<MasteryRow & { weight: number }>;
  forecast: Array<{ date: string; due: number }>;
  heatmap: Array<{ date: string; count: number }>;
  streak: { current: number; longest: number };
  trends: TrendWeek[];
  misconceptions: Misconception[];
  exam: (Omit<Readiness, "examDate"> & { examDate: string }) | null;
};

const HEATMAP_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Card totals per topic (every side of every live question), computed from the shared banks.
 * Public data; cached per process by the banks' content so a dashboard does not re-parse them.
 */
let totalsCache: { key: string; totals: Map<string, number> } | null = null;
async function topicTotals(db: PrismaClient): Promise<Map<string, number>> {
  const stamp = await db.question.aggregate({
    where: { retiredAt: null },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  const key = `${stamp._count._all}|${stamp._max.updatedAt?.toISOString() ?? ""}`;
  if (totalsCache?.key === key) return totalsCache.totals;
  const questions = await db.question.findMany({
    where: { retiredAt: null },
    select: { topic: true, kind: true, data: true },
  });
  const totals = new Map<string, number>();
  for (const q of questions) {
    // Only flashcards (reversible) and cloze cards have more than one side.
    let sides = 1;
    if (q.kind === "flashcard" || q.kind === "cloze") {
      const parsed = parseStoredQuestion(q.data);
      sides = parsed ? sidesOf(parsed).length : 0;
    }
    totals.set(q.topic, (totals.get(q.topic) ?? 0) + sides);
  }
  totalsCache = { key, totals };
  return totals;
}

/**
 * The learner's progress: mastery, forecast, heatmap and streaks, trends, misconceptions, and,
 * with an exam date, readiness and a plan. A handful of narrow queries, all scoped to `actor`;
 * the maths is in lib/progress.
 */
export async function loadProgress(
  db: PrismaClient,
  actor: ActingUser,
  now: Date,
  options: { target?: number } = {},
): Promise<ProgressView> {
  const prefs = await getStudyPreferences(db, actor);
  const rule: DayRule = { timeZone: prefs.timeZone, dayStartHour: prefs.dayStartHour };
  const since = new Date(now.getTime() - (HEATMAP_DAYS + 2) * DAY_MS);
  const [totalsByTopic, cardRows, topics, history] = await Promise.all([
    topicTotals(db),
    db.studyCard.findMany({
      where: { userId: actor.id },
      select: {
        questionId: true,
        phase: true,
        stability: true,
        lastReview: true,
        scheduledDays: true,
        due: true,
        suspendedAt: true,
      },
    }),
    db.question.findMany({ select: { id: true, topic: true } }),
    reviewHistory(db, actor, now),
  ]);
  const recent = history.points.filter((p) => p.at.getTime() >= since.getTime());
  const topicOf = new Map(topics.map((q) => [q.id, q.topic]));
  const cards: ProgressCard[] = cardRows.map((c) => ({
    phase: c.phase,
    stability: c.stability,
    lastReview: c.lastReview,
    scheduledDays: c.scheduledDays,
    due: c.due,
    topic: topicOf.get(c.questionId) ?? "",
  }));
  const studied = cards.filter((c) => c.phase !== "new");
  const weights = prefs.weights;

  const byTopic = masteryBy(cards, totalsByTopic, (c) => c.topic || null, topicLabel, now, weights).sort(
    (a, b) => a.label.localeCompare(b.label),
  );
  const domainLabel = new Map(SAA_C03_DOMAINS.map((d) => [d.id, d.label]));
  const byDomain = masteryBy(
    cards,
    domainTotals(totalsByTopic),
    (c) => domainOfTopic(c.topic),
    (id) => domainLabel.get(id) ?? id,
    now,
    weights,
  ).map((row) => ({ ...row, weight: SAA_C03_DOMAINS.find((d) => d.id === row.key)?.weight ?? 0 }));

  const activeDues = cardRows.filter((c) => c.phase !== "new" && !c.suspendedAt).map((c) => c.due);
  const heatmap = countByDay(
    recent.map((r) => r.at),
    now,
    rule,
    HEATMAP_DAYS,
  );
  const target = options.target ?? 0.9;
  const readiness =
    prefs.examDate && prefs.examDate.getTime() > now.getTime()
      ? examReadiness({
          cards,
          topicTotals: totalsByTopic,
          examDate: prefs.examDate,
          now,
          target,
          keptRecall: prefs.desiredRetention,
          weights,
        })
      : null;

  return {
    generatedAt: now.toISOString(),
    timeZone: rule.timeZone,
    dayStartHour: rule.dayStartHour,
    desiredRetention: prefs.desiredRetention,
    totals: {
      reviews: history.reviews,
      msStudied: history.msStudied,
      cardsStudied: studied.length,
      cardsTotal: [...totalsByTopic.values()].reduce((s, n) => s + n, 0),
    },
    byTopic,
    byDomain,
    forecast: dueForecast(activeDues, now, rule, 30),
    heatmap,
    streak: streaks(heatmap),
    trends: weeklyTrends(recent, now, rule, 12),
    misconceptions: topMisconceptions([...history.misconceptions].map(([tag, count]) => ({ tag, count }))),
    exam: readiness ? { ...readiness, examDate: readiness.examDate.toISOString() } : null,
  };
}
