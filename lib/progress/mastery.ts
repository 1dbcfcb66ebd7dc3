import { domainOfTopic, SAA_C03_DOMAINS } from "./exam-domains";
import { type MemoryState, recallAt } from "./recall";

/** A studied card as the dashboard needs it. */
export type ProgressCard = MemoryState & { topic: string; scheduledDays: number; due: Date };

/** Mastery of one group (a topic or an exam domain). */
export type MasteryRow = {
  key: string;
  label: string;
  /** Cards that exist in the group (studied or not). */
  cards: number;
  studied: number;
  /** Mean retrievability today over every card in the group (unseen cards count 0). */
  meanRecall: number;
  /** Share of the group's cards whose interval is 21 days or more ("mature"). */
  matureShare: number;
};

/** Days of interval from which a card counts as mature (Anki's convention). */
export const MATURE_DAYS = 21;

/**
 * Mastery per group: `totals` says how many cards each group has (including unseen ones), `groupOf`
 * puts a studied card in a group.
 */
export function masteryBy(
  cards: readonly ProgressCard[],
  totals: ReadonlyMap<string, number>,
  groupOf: (card: ProgressCard) => string | null,
  labelOf: (key: string) => string,
  now: Date,
  weights?: readonly number[],
): MasteryRow[] {
  const sums = new Map<string, { recall: number; mature: number; studied: number }>();
  for (const card of cards) {
    const key = groupOf(card);
    if (!key || card.phase === "new") continue;
    const s = sums.get(key) ?? { recall: 0, mature: 0, studied: 0 };
    s.recall += recallAt(card, now, weights);
    s.mature += card.scheduledDays >= MATURE_DAYS ? 1 : 0;
    s.studied += 1;
    sums.set(key, s);
  }
  const keys = new Set([...totals.keys(), ...sums.keys()]);
  return [...keys].map((key) => {
    const s = sums.get(key) ?? { recall: 0, mature: 0, studied: 0 };
    const total = Math.max(totals.get(key) ?? 0, s.studied);
    return {
      key,
      label: labelOf(key),
      cards: total,
      studied: s.studied,
      meanRecall: total ? s.recall / total : 0,
      matureShare: total ? s.mature / total : 0,
    };
  });
}

/** Card totals per topic → per SAA-C03 domain. */
export function domainTotals(topicTotals: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>(SAA_C03_DOMAINS.map((d) => [d.id, 0]));
  for (const [topic, n] of topicTotals) {
    const domain = domainOfTopic(topic);
    if (domain) out.set(domain, (out.get(domain) ?? 0) + n);
  }
  return out;
}
