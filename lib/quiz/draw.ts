import { shuffled } from "./random";

// Which questions an attempt gets, in which order, with which option order. Pure: the pool and
// the random source are arguments.

export type PoolQuestion = {
  id: string;
  topic: string;
  revision: number;
  optionKeys: string[];
  /** Shuffle the options whatever the rule says, and never leave them as written (ordering questions). */
  alwaysShuffle?: boolean;
};
export type DrawnItem = { questionId: string; revision: number; optionOrder: string[] };

export type DrawRule = {
  selection: "fixed" | "random";
  /** fixed: the ids, in order. */
  questionIds: string[];
  /** random: how many per topic. */
  perTopic: number | null;
  /** exam mode: how many in all, spread over the topics. */
  totalCount?: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
};

/**
 * Draws an attempt's questions from the pool.
 * @example drawAttempt(pool, { selection: "random", perTopic: 2, … }, seededRng(seedOf(attemptKey)))
 */
export function drawAttempt(pool: readonly PoolQuestion[], rule: DrawRule, rng: () => number): DrawnItem[] {
  let picked: PoolQuestion[];
  if (rule.selection === "fixed") {
    const byId = new Map(pool.map((q) => [q.id, q]));
    picked = rule.questionIds.flatMap((id) => byId.get(id) ?? []);
  } else if (rule.totalCount) {
    picked = shuffled(pool, rng).slice(0, rule.totalCount);
  } else {
    const byTopic = new Map<string, PoolQuestion[]>();
    for (const q of pool) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
    picked = [...byTopic.keys()]
      .sort()
      .flatMap((topic) => shuffled(byTopic.get(topic) ?? [], rng).slice(0, rule.perTopic ?? 1));
  }
  const ordered = rule.shuffleQuestions ? shuffled(picked, rng) : picked;
  return ordered.map((q) => ({
    questionId: q.id,
    revision: q.revision,
    optionOrder: optionOrder(q, rule.shuffleOptions, rng),
  }));
}

function optionOrder(q: PoolQuestion, shuffle: boolean, rng: () => number): string[] {
  if (!shuffle && !q.alwaysShuffle) return [...q.optionKeys];
  const order = shuffled(q.optionKeys, rng);
  const asWritten = order.every((key, i) => key === q.optionKeys[i]);
  // A shuffle that lands on the written order is rotated by one: for ordering, that order is the key.
  return q.alwaysShuffle && asWritten && order.length > 1 ? [...order.slice(1), ...order.slice(0, 1)] : order;
}
