import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  type DayRule,
  type DayTotals,
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
  studyDays,
  type TrendWeek,
  topMisconceptions,
  weeklyTrendsFromDays,
} from "@/lib/progress";
import type { ActingUser } from "../auth/acting-user";
import { storeOf } from "../db";
import { sidesOf } from "../study/present-card";
import { inOpenBank } from "./bank-visibility";
import { parseStoredQuestion } from "./study-queue";
import { getStudyPreferences } from "./study-settings";
import { topicLabel } from "./topics";

/** Everything the /progress page shows, as plain JSON-able values (dates as ISO strings or keys). */
export type ProgressView = {
  generatedAt: string;
  timeZone: string;
  dayStartHour: number;
  desiredRetention: number;
  /** The recall the learner aims for on the exam date (StudySettings.examTargetRecall). */
  examTargetRecall: number;
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

/**
 * Card totals per topic (every side of every live question a learner may study: shipped and
 * published banks, never an instructor's private upload), the denominators of mastery on the
 * dashboard and the class heatmap. Public data; cached per process by the banks' content (open
 * question count, last question change, last bank change such as a publish) so a dashboard does
 * not count them again. Only cloze questions are parsed.
 */
let totalsCache: { key: string; totals: Map<string, number> } | null = null;
export async function cardTotalsByTopic(db: PrismaClient): Promise<Map<string, number>> {
  const [stamp, banks] = await Promise.all([
    db.question.aggregate({
      where: { retiredAt: null, ...inOpenBank },
      _count: { _all: true },
      _max: { updatedAt: true },
    }),
    db.bank.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  const key = [
    stamp._count._all,
    stamp._max.updatedAt?.toISOString() ?? "",
    banks._count._all,
    banks._max.updatedAt?.toISOString() ?? "",
  ].join("|");
  if (totalsCache?.key === key) return totalsCache.totals;
  const totals = new Map<string, number>();
  const add = (topic: string, n: number) => totals.set(topic, (totals.get(topic) ?? 0) + n);
  for (const row of await storeOf(db).questionCountsByTopic()) {
    // A reversible flashcard is studied both ways; cloze questions are counted below.
    if (row.kind !== "cloze") add(row.topic, row.questions + row.reversible);
  }
  const clozes = await db.question.findMany({
    where: { retiredAt: null, kind: "cloze", ...inOpenBank },
    select: { topic: true, data: true },
  });
  for (const q of clozes) {
    // One card per cloze deletion.
    const parsed = parseStoredQuestion(q.data);
    add(q.topic, parsed ? sidesOf(parsed).length : 0);
  }
  totalsCache = { key, totals };
  return totals;
}

/**
 * The learner's progress: mastery, forecast, heatmap and streaks, trends, misconceptions, and,
 * with an exam date, readiness and a plan. Four narrow queries, all scoped to `actor`: the review
 * log is counted per study day and per misconception in SQL (lib/server/db.ts), the cards are read
 * with their topic; the maths is in lib/progress.
 */
export async function loadProgress(db: PrismaClient, actor: ActingUser, now: Date): Promise<ProgressView> {
  const prefs = await getStudyPreferences(db, actor);
  const rule: DayRule = { timeZone: prefs.timeZone, dayStartHour: prefs.dayStartHour };
  const calendar = studyDays(now, rule, HEATMAP_DAYS);
  const [totalsByTopic, cardRows, byDay, byTag] = await Promise.all([
    cardTotalsByTopic(db),
    storeOf(db).progressCardRows(actor.id),
    storeOf(db).reviewTotalsByDay(
      actor.id,
      calendar.map((d) => d.start),
    ),
    storeOf(db).reviewTotalsByMisconception(actor.id),
  ]);
  const counted = new Map(byDay.map((d) => [d.day, d]));
  const days: DayTotals[] = calendar.map((d, i) => {
    const c = counted.get(i);
    return { date: d.key, reviews: c?.reviews ?? 0, correct: c?.correct ?? 0, ms: c?.ms ?? 0 };
  });
  const cards: ProgressCard[] = cardRows;
  const studied = cards.filter((c) => c.phase !== "new");
  const weights = prefs.weights;

  // English names here, as everything this loader returns; ProgressBody names topics in the page's language.
  const byTopic = masteryBy(
    cards,
    totalsByTopic,
    (c) => c.topic || null,
    (key) => topicLabel(key, "en"),
    now,
    weights,
  ).sort((a, b) => a.label.localeCompare(b.label));
  const domainLabel = new Map(SAA_C03_DOMAINS.map((d) => [d.id, d.label]));
  const byDomain = masteryBy(
    cards,
    domainTotals(totalsByTopic),
    (c) => domainOfTopic(c.topic),
    (id) => domainLabel.get(id) ?? id,
    now,
    weights,
  ).map((row) => ({ ...row, weight: SAA_C03_DOMAINS.find((d) => d.id === row.key)?.weight ?? 0 }));

  const activeDues = cardRows.filter((c) => c.phase !== "new" && !c.suspended).map((c) => c.due);
  const heatmap = days.map((d) => ({ date: d.date, count: d.reviews }));
  const readiness =
    prefs.examDate && prefs.examDate.getTime() > now.getTime()
      ? examReadiness({
          cards,
          topicTotals: totalsByTopic,
          examDate: prefs.examDate,
          now,
          target: prefs.examTargetRecall,
          keptRecall: prefs.desiredRetention,
          weights,
        })
      : null;

  return {
    generatedAt: now.toISOString(),
    timeZone: rule.timeZone,
    dayStartHour: rule.dayStartHour,
    desiredRetention: prefs.desiredRetention,
    examTargetRecall: prefs.examTargetRecall,
    totals: {
      reviews: byTag.reduce((s, t) => s + t.reviews, 0),
      msStudied: byTag.reduce((s, t) => s + t.ms, 0),
      cardsStudied: studied.length,
      cardsTotal: [...totalsByTopic.values()].reduce((s, n) => s + n, 0),
    },
    byTopic,
    byDomain,
    forecast: dueForecast(activeDues, now, rule, 30),
    heatmap,
    streak: streaks(heatmap),
    trends: weeklyTrendsFromDays(days, 12),
    misconceptions: topMisconceptions(
      byTag.flatMap((t) => (t.misconception ? [{ tag: t.misconception, count: t.reviews }] : [])),
    ),
    exam: readiness ? { ...readiness, examDate: readiness.examDate.toISOString() } : null,
  };
}
