import { createEmptyCard, fsrs, type Grade, generatorParameters, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { fromFsrsCard, newCardState } from "../srs/card-state";
import { DEFAULT_SETTINGS, gradeCard, retrievability } from "../srs/scheduler";
import { countByDay, streaks, studyDays } from "./calendar";
import { SAA_C03_DOMAINS, TOPIC_DOMAIN } from "./exam-domains";
import { dueForecast } from "./forecast";
import { domainTotals, masteryBy, type ProgressCard } from "./mastery";
import { topMisconceptions } from "./misconceptions";
import { examReadiness, studyPlan } from "./readiness";
import { recallAt } from "./recall";
import { weeklyTrends } from "./trends";

const t0 = new Date("2026-01-05T09:00:00Z");
const DAY = 86_400_000;
const at = (days: number, from = t0) => new Date(from.getTime() + days * DAY);
const UTC4 = { timeZone: "UTC", dayStartHour: 4 };

describe("recallAt", () => {
  it("equals ts-fsrs's get_retrievability for every card and time on a known history", () => {
    const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
    let card = createEmptyCard(t0);
    let now = t0;
    const grades: Grade[] = [Rating.Good, Rating.Good, Rating.Hard, Rating.Again, Rating.Good, Rating.Easy];
    for (const g of grades) {
      card = scheduler.next(card, now, g).card;
      for (const later of [0, 0.4, 1, 3, 10, 45, 400]) {
        const when = at(later, now);
        const ours = recallAt(fromFsrsCard(card), when);
        expect(ours).toBe(scheduler.get_retrievability(card, when, false));
      }
      now = new Date(card.due);
    }
  });

  it("agrees with lib/srs's retrievability and is 0 for an unseen card", () => {
    const state = gradeCard(
      gradeCard(newCardState(t0), "good", DEFAULT_SETTINGS, t0).after,
      "good",
      DEFAULT_SETTINGS,
      at(1),
    ).after;
    expect(recallAt(state, at(20))).toBe(retrievability(state, DEFAULT_SETTINGS, at(20)));
    expect(recallAt(newCardState(t0), at(1))).toBe(0);
    // A card at exactly its stability has 90% recall, FSRS's definition of stability.
    expect(recallAt({ phase: "review", stability: 10, lastReview: t0 }, at(10))).toBeCloseTo(0.9, 6);
  });
});

describe("study days, heatmap and streaks", () => {
  it("counts a review at 2 am in the day before when days start at 4 am", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const days = countByDay(
      [new Date("2026-03-10T02:00:00Z"), new Date("2026-03-10T05:00:00Z"), new Date("2026-03-09T04:00:00Z")],
      now,
      UTC4,
      3,
    );
    expect(days).toEqual([
      { date: "2026-03-08", count: 0 },
      { date: "2026-03-09", count: 2 },
      { date: "2026-03-10", count: 1 },
    ]);
  });

  it("keeps days whole across a daylight-saving change (New York, 8 March 2026)", () => {
    const ny = { timeZone: "America/New_York", dayStartHour: 4 };
    const days = studyDays(new Date("2026-03-10T15:00:00Z"), ny, 4);
    expect(days.map((d) => d.key)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    // 4 am EST = 09:00 UTC before the change, 4 am EDT = 08:00 UTC after: a 23-hour day.
    expect(days[1]?.start.toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(days[0]?.start.toISOString()).toBe("2026-03-07T09:00:00.000Z");
    // 03:30 local on 9 March (07:30 UTC, EDT) still belongs to 8 March; 04:30 local to 9 March.
    const counted = countByDay(
      [new Date("2026-03-09T07:30:00Z"), new Date("2026-03-09T08:30:00Z"), new Date("2026-03-08T08:30:00Z")],
      new Date("2026-03-10T15:00:00Z"),
      ny,
      4,
    );
    expect(counted.map((d) => d.count)).toEqual([0, 2, 1, 0]);
    const streak = streaks(counted);
    expect(streak).toEqual({ current: 2, longest: 2 });
  });

  it("finds current and longest streaks; an empty today does not break the current one", () => {
    const c = (...counts: number[]) => counts.map((count) => ({ count }));
    expect(streaks(c(1, 1, 1, 0, 2, 3, 0))).toEqual({ current: 2, longest: 3 });
    expect(streaks(c(1, 0, 0, 1))).toEqual({ current: 1, longest: 1 });
    expect(streaks(c(1, 0, 0))).toEqual({ current: 0, longest: 1 });
    expect(streaks([])).toEqual({ current: 0, longest: 0 });
  });
});

describe("due forecast", () => {
  it("buckets due times by study day, with overdue cards today", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const forecast = dueForecast(
      [
        new Date("2026-03-01T00:00:00Z"), // overdue → today
        new Date("2026-03-11T03:59:00Z"), // before 4 am → still today's study day
        new Date("2026-03-11T04:00:00Z"), // tomorrow
        new Date("2026-04-08T05:00:00Z"), // day 30 (index 29)
        new Date("2026-04-09T05:00:00Z"), // beyond the window
      ],
      now,
      UTC4,
      30,
    );
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ date: "2026-03-10", due: 2 });
    expect(forecast[1]).toEqual({ date: "2026-03-11", due: 1 });
    expect(forecast[29]).toEqual({ date: "2026-04-08", due: 1 });
    expect(forecast.reduce((s, d) => s + d.due, 0)).toBe(4);
  });
});

describe("trends and misconceptions", () => {
  it("gives weekly accuracy and seconds per card", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const weeks = weeklyTrends(
      [
        { at: new Date("2026-03-10T10:00:00Z"), isCorrect: true, grade: "good", durationMs: 4000 },
        { at: new Date("2026-03-09T10:00:00Z"), isCorrect: false, grade: "again", durationMs: 8000 },
        { at: new Date("2026-03-09T11:00:00Z"), isCorrect: null, grade: "hard", durationMs: 3000 },
        { at: new Date("2026-03-09T12:00:00Z"), isCorrect: null, grade: "again", durationMs: 1000 },
      ],
      now,
      UTC4,
      2,
    );
    expect(weeks).toHaveLength(2);
    expect(weeks[1]).toMatchObject({ reviews: 4, accuracy: 0.5, secondsPerCard: 4 });
    expect(weeks[0]).toMatchObject({ reviews: 0, accuracy: null, secondsPerCard: null });
  });

  it("ranks misconceptions by count, then name", () => {
    expect(
      topMisconceptions(
        [
          { tag: "b", count: 2 },
          { tag: "a", count: 2 },
          { tag: "c", count: 5 },
          { tag: "d", count: 0 },
        ],
        3,
      ),
    ).toEqual([
      { tag: "c", count: 5 },
      { tag: "a", count: 2 },
      { tag: "b", count: 2 },
    ]);
  });
});

const card = (
  topic: string,
  stability: number,
  lastReviewDaysAgo: number,
  scheduledDays = 1,
): ProgressCard => ({
  phase: "review",
  stability,
  lastReview: at(-lastReviewDaysAgo),
  scheduledDays,
  due: at(scheduledDays - lastReviewDaysAgo),
  topic,
});

describe("mastery", () => {
  it("averages recall over every card of a group, unseen ones as 0, and counts mature intervals", () => {
    const cards = [card("iam", 10, 10, 30), card("iam", 10, 10, 5), { ...card("iam", 1, 0), phase: "new" }];
    const rows = masteryBy(
      cards,
      new Map([["iam", 4]]),
      (c) => c.topic,
      (k) => k,
      t0,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.cards).toBe(4);
    expect(rows[0]?.studied).toBe(2);
    expect(rows[0]?.meanRecall).toBeCloseTo((0.9 + 0.9) / 4, 6);
    expect(rows[0]?.matureShare).toBe(0.25);
    expect(
      domainTotals(
        new Map([
          ["iam", 4],
          ["storage", 3],
          ["cluster-placement", 2],
          ["unknown", 9],
        ]),
      ),
    ).toEqual(
      new Map([
        ["secure", 4],
        ["resilient", 0],
        ["performing", 5],
        ["cost", 0],
      ]),
    );
  });

  it("maps every shipped topic to an SAA-C03 domain, and the weights sum to 1", () => {
    expect(SAA_C03_DOMAINS.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 10);
    const ids = new Set(SAA_C03_DOMAINS.map((d) => d.id));
    for (const domain of Object.values(TOPIC_DOMAIN)) expect(ids.has(domain)).toBe(true);
  });
});

describe("readiness", () => {
  it("predicts recall per domain at the exam date, weights it by the guide, and gives an interval", () => {
    // Exam in 10 days. iam (secure, 0.30): 2 cards with stability 10 reviewed today → R = 0.9 each.
    // load-balancing (resilient, 0.26): 2 cards, one studied (S = 10, reviewed today), one unseen → 0.45.
    // Other domains have no cards, so the weights renormalise over 0.56.
    const exam = at(10);
    const r = examReadiness({
      cards: [card("iam", 10, 0), card("iam", 10, 0), card("load-balancing", 10, 0)],
      topicTotals: new Map([
        ["iam", 2],
        ["load-balancing", 2],
      ]),
      examDate: exam,
      now: t0,
      target: 0.9,
      keptRecall: 0.9,
    });
    const secure = r.domains.find((d) => d.id === "secure");
    const resilient = r.domains.find((d) => d.id === "resilient");
    expect(secure?.predictedRecall).toBeCloseTo(0.9, 6);
    expect(resilient?.predictedRecall).toBeCloseTo(0.45, 6);
    expect(r.estimate).toBeCloseTo((0.3 * 0.9 + 0.26 * 0.45) / 0.56, 6);
    // Variance: secure 2·0.09/4 = 0.045; resilient 0.09/4 = 0.0225.
    const sd = Math.sqrt((0.3 / 0.56) ** 2 * 0.045 + (0.26 / 0.56) ** 2 * 0.0225);
    expect(r.low).toBeCloseTo(r.estimate - 1.96 * sd, 6);
    expect(r.high).toBeCloseTo(Math.min(1, r.estimate + 1.96 * sd), 6);
    expect(r.daysLeft).toBe(10);
    // 4 cards, target 0.9 kept at 0.9 → all 4 learned; 1 new card, 4 reviews for it, none at risk.
    expect(r.plan).toEqual({
      newCardsNeeded: 1,
      newPerDay: 1,
      atRisk: 0,
      reviewsPerDay: 1,
      isReachable: true,
    });
  });

  it("plans new cards and reviews per day from the target", () => {
    expect(
      studyPlan({ totalCards: 100, studied: 40, atRisk: 10, daysLeft: 10, target: 0.9, keptRecall: 0.9 }),
    ).toEqual({
      newCardsNeeded: 60,
      newPerDay: 6,
      atRisk: 10,
      reviewsPerDay: 25,
      isReachable: true,
    });
    // Aiming at 0.72 while keeping cards at 0.9: 80 of 100 cards are enough.
    expect(
      studyPlan({ totalCards: 100, studied: 50, atRisk: 0, daysLeft: 30, target: 0.72, keptRecall: 0.9 }),
    ).toMatchObject({
      newCardsNeeded: 30,
      newPerDay: 1,
      reviewsPerDay: 4,
    });
    // A target above the kept recall cannot be met: learn everything, and say so.
    expect(
      studyPlan({ totalCards: 10, studied: 10, atRisk: 2, daysLeft: 0, target: 0.95, keptRecall: 0.9 }),
    ).toEqual({
      newCardsNeeded: 0,
      newPerDay: 0,
      atRisk: 2,
      reviewsPerDay: 2,
      isReachable: false,
    });
  });
});
