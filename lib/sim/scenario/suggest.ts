import { type Msg, m } from "../text";

/** Edit distance, case-insensitive: enough to spot `desiredcount` or `taskRole` typos. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * The closest candidate when it is close enough to be a likely typo.
 * Example: `suggest("desiredcount", ["desiredCount", "name"])` → "desiredCount".
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestScore <= limit ? best : undefined;
}

/** "did you mean …?" text, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): Msg | undefined {
  const s = suggest(word, candidates);
  return s === undefined ? undefined : m("scenario.didYouMean", { suggestion: s });
}
