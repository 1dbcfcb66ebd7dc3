// Grades from marked answers. Pure.

export type MarkedItem = { topic: string; domain: string | null; isCorrect: boolean };
export type BreakdownRow = { kind: "topic" | "domain"; group: string; correct: number; total: number };

export type Grade = {
  correct: number;
  total: number;
  /** Percent 0–100, one decimal. */
  score: number;
  breakdown: BreakdownRow[];
};

/**
 * Counts right answers overall, by topic and by domain.
 * @example gradeItems([{ topic: "iam", domain: null, isCorrect: true }]).score // 100
 */
export function gradeItems(items: readonly MarkedItem[]): Grade {
  const correct = items.filter((i) => i.isCorrect).length;
  const total = items.length;
  const rows = new Map<string, BreakdownRow>();
  const add = (kind: BreakdownRow["kind"], group: string, isCorrect: boolean) => {
    const key = `${kind}:${group}`;
    const row = rows.get(key) ?? { kind, group, correct: 0, total: 0 };
    row.total += 1;
    if (isCorrect) row.correct += 1;
    rows.set(key, row);
  };
  for (const item of items) {
    add("topic", item.topic, item.isCorrect);
    if (item.domain) add("domain", item.domain, item.isCorrect);
  }
  const breakdown = [...rows.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.group.localeCompare(b.group),
  );
  return { correct, total, score: total === 0 ? 0 : Math.round((correct / total) * 1000) / 10, breakdown };
}

/** True when `score` (percent) reaches the pass mark. */
export const passes = (score: number, passMark: number) => score >= passMark;

/** The certification-style pass line on the 100–1000 scale. */
export const SCALED_PASS = 720;

/**
 * A raw fraction mapped to AWS's 100–1000 scale (linear; 0 → 100, all → 1000).
 * @example scaledScore(49, 65) // 778
 */
export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return 100;
  return Math.round(100 + (900 * Math.min(correct, total)) / total);
}
