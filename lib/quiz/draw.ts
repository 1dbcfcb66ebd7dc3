import { shuffled } from "./random";

// Which questions an attempt gets, in which order, with which option order. Pure: the pool and
// the random source are arguments.

export type PoolQuestion = { id: string; topic: string; revision: number; optionKeys: string[] };
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
    optionOrder: rule.shuffleOptions ? shuffled(q.optionKeys, rng) : [...q.optionKeys],
  }));
}
