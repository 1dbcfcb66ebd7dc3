import { domainOfTopic, type ExamDomain, SAA_C03_DOMAINS } from "./exam-domains";
import type { ProgressCard } from "./mastery";
import { recallAt } from "./recall";

/** Predicted recall of one exam domain on the exam date. */
export type DomainForecast = {
  id: string;
  label: string;
  weight: number;
  cards: number;
  studied: number;
  /** Mean FSRS retrievability at the exam date over the domain's cards (unseen cards count 0). */
  predictedRecall: number;
  /** Variance of that mean, treating each card as an independent Bernoulli(p). */
  variance: number;
};

export type Readiness = {
  examDate: Date;
  daysLeft: number;
  target: number;
  domains: DomainForecast[];
  /** Weighted by the exam guide over the domains that have cards (weights renormalised). */
  estimate: number;
  /** 95% interval of the estimate (normal approximation of a sum of Bernoullis). */
  low: number;
  high: number;
  plan: StudyPlan;
};

export type StudyPlan = {
  /** Cards not yet studied that must be learned to reach the target. */
  newCardsNeeded: number;
  newPerDay: number;
  /** Studied cards that would be below the kept recall at the exam without a review. */
  atRisk: number;
  reviewsPerDay: number;
  /** False when even learning every card and keeping it at `keptRecall` cannot reach the target. */
  isReachable: boolean;
};

/** Reviews a new card needs on average before it is stable (1d, 3d, ~10d, ~1mo with FSRS defaults). */
export const REVIEWS_PER_NEW_CARD = 4;

const DAY_MS = 86_400_000;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Predicted recall per SAA-C03 domain on the exam date, the guide-weighted readiness with a 95%
 * interval, and a plan. `topicTotals` counts every card per topic, studied or not.
 *
 * The plan assumes a card kept on its FSRS schedule stays at or above `keptRecall` (the learner's
 * desired retention): to reach `target` over N cards, ⌈target·N / keptRecall⌉ cards must be learned;
 * the missing ones are spread over the days left, each needing about REVIEWS_PER_NEW_CARD reviews,
 * and every studied card whose exam-day recall would fall below `keptRecall` needs one more review.
 */
export function examReadiness(input: {
  cards: readonly ProgressCard[];
  topicTotals: ReadonlyMap<string, number>;
  examDate: Date;
  now: Date;
  target: number;
  keptRecall: number;
  weights?: readonly number[];
  domains?: readonly ExamDomain[];
}): Readiness {
  const { cards, examDate, now, target, keptRecall } = input;
  const domainList = input.domains ?? SAA_C03_DOMAINS;
  const acc = new Map(domainList.map((d) => [d.id, { cards: 0, studied: 0, sum: 0, varSum: 0 }]));
  for (const [topic, n] of input.topicTotals) {
    const a = acc.get(domainOfTopic(topic) ?? "");
    if (a) a.cards += n;
  }
  let atRisk = 0;
  let studied = 0;
  for (const card of cards) {
    if (card.phase === "new") continue;
    const a = acc.get(domainOfTopic(card.topic) ?? "");
    const p = recallAt(card, examDate, input.weights);
    if (p < keptRecall) atRisk += 1;
    studied += 1;
    if (!a) continue;
    a.studied += 1;
    a.sum += p;
    a.varSum += p * (1 - p);
  }
  const domains: DomainForecast[] = domainList.map((d) => {
    const a = acc.get(d.id) ?? { cards: 0, studied: 0, sum: 0, varSum: 0 };
    const n = Math.max(a.cards, a.studied);
    return {
      id: d.id,
      label: d.label,
      weight: d.weight,
      cards: n,
      studied: a.studied,
      predictedRecall: n ? a.sum / n : 0,
      variance: n ? a.varSum / (n * n) : 0,
    };
  });
  const covered = domains.filter((d) => d.cards > 0);
  const weightSum = covered.reduce((s, d) => s + d.weight, 0) || 1;
  const estimate = covered.reduce((s, d) => s + (d.weight / weightSum) * d.predictedRecall, 0);
  const variance = covered.reduce((s, d) => s + (d.weight / weightSum) ** 2 * d.variance, 0);
  const half = 1.96 * Math.sqrt(variance);
  const daysLeft = Math.max(0, Math.floor((examDate.getTime() - now.getTime()) / DAY_MS));
  const totalCards = covered.reduce((s, d) => s + d.cards, 0);
  return {
    examDate,
    daysLeft,
    target,
    domains,
    estimate,
    low: clamp01(estimate - half),
    high: clamp01(estimate + half),
    plan: studyPlan({ totalCards, studied, atRisk, daysLeft, target, keptRecall }),
  };
}

/**
 * Reviews and new cards a day to reach `target` by the exam (see examReadiness for the model).
 * @example studyPlan({ totalCards: 100, studied: 40, atRisk: 10, daysLeft: 10, target: 0.9, keptRecall: 0.9 })
 * // { newCardsNeeded: 60, newPerDay: 6, atRisk: 10, reviewsPerDay: 25, isReachable: true }
 */
export function studyPlan(input: {
  totalCards: number;
  studied: number;
  atRisk: number;
  daysLeft: number;
  target: number;
  keptRecall: number;
}): StudyPlan {
  const { totalCards, studied, atRisk, target, keptRecall } = input;
  const days = Math.max(1, input.daysLeft);
  const isReachable = keptRecall >= target;
  const mustLearn = isReachable ? Math.ceil((target * totalCards) / keptRecall - 1e-9) : totalCards;
  const newCardsNeeded = Math.max(0, Math.min(totalCards, mustLearn) - studied);
  const newPerDay = Math.ceil(newCardsNeeded / days);
  const reviewsPerDay = Math.ceil((atRisk + newCardsNeeded * REVIEWS_PER_NEW_CARD) / days);
  return { newCardsNeeded, newPerDay, atRisk, reviewsPerDay, isReachable };
}
