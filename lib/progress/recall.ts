import { default_w, forgetting_curve } from "ts-fsrs";

/** The fields of a card's memory state that recall depends on. */
export type MemoryState = { phase: string; stability: number; lastReview: Date | null };

const DAY_MS = 86_400_000;

/**
 * FSRS retrievability of a card at `at`: the same number as ts-fsrs's `get_retrievability`
 * (whole elapsed days, stability rounded to 8 places), without building a scheduler per card.
 * A card never reviewed has 0.
 * @example recallAt({ phase: "review", stability: 10, lastReview: t }, new Date(t.getTime() + 10 * 86_400_000)) // 0.9
 */
export function recallAt(card: MemoryState, at: Date, weights: readonly number[] = default_w): number {
  if (card.phase === "new" || !card.lastReview || card.stability <= 0) return 0;
  const elapsed = Math.max(Math.floor((at.getTime() - card.lastReview.getTime()) / DAY_MS), 0);
  return forgetting_curve(weights, elapsed, +card.stability.toFixed(8));
}
