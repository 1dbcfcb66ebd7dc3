/** A misconception tag and how often the learner chose it. */
export type Misconception = { tag: string; count: number };

/**
 * The most chosen misconception tags, most first (ties by name), at most `limit`.
 * @example topMisconceptions([{ tag: "a", count: 1 }, { tag: "b", count: 3 }], 1) // [{ tag: "b", count: 3 }]
 */
export function topMisconceptions(rows: readonly Misconception[], limit = 8): Misconception[] {
  return [...rows]
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, limit);
}
