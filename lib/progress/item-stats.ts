// Classical item analysis of a quiz, from its finished attempts: how easy each question was
// (facility), whether it separates strong from weak learners (discrimination), and which options
// drew whom (distractor analysis). Pure: the server reads the attempts and passes them in.

/** One option of a question as the analysis reports it. `key` is the stored answer key. */
export type ItemOption = { key: string; label: string; isCorrect: boolean; misconception: string | null };

/** A question to analyse; `options` is empty for kinds without options (typed answers). */
export type ItemSpec = { questionId: string; options: readonly ItemOption[] };

/** What one attempt did with one question it drew: right or wrong, and the option keys chosen (null: no answer). */
export type ItemResponse = { isCorrect: boolean; chosen: readonly string[] | null };

/** A finished attempt: its grade and a response for every question it drew. */
export type ScoredAttempt = {
  id: string;
  correct: number;
  total: number;
  responses: ReadonlyMap<string, ItemResponse>;
};

export type OptionStats = ItemOption & {
  /** Attempts that chose this option. */
  count: number;
  /** count / attempts that drew the question. */
  share: number;
  /** Share of the upper and lower 27% groups that chose it (null when there are no groups). */
  upperShare: number | null;
  lowerShare: number | null;
};

export type ItemFlag = "very-easy" | "very-hard" | "negative-discrimination" | "low-discrimination";

export type ItemStats = {
  questionId: string;
  /** Attempts that drew the question. */
  n: number;
  correct: number;
  /** Attempts that drew the question and left it unanswered (graded wrong). */
  omitted: number;
  /** Share correct, 0–1 (null when nobody drew it). */
  facility: number | null;
  /** D = p(upper 27%) − p(lower 27%), −1…1 (null under 2 attempts). */
  discrimination: number | null;
  /** Correlation of the item with the rest of the attempt's score (null without variance). */
  pointBiserial: number | null;
  /** Size of each extreme group: round(27% of n). */
  groupSize: number;
  /** True when n reaches MIN_ATTEMPTS_FOR_STATS: below it the numbers are shown but not judged. */
  isReliable: boolean;
  flags: ItemFlag[];
  options: OptionStats[];
};

/** Kelley's share for the upper and lower groups. */
export const GROUP_FRACTION = 0.27;
/** Below this many attempts a question's statistics are too noisy to flag anything. */
export const MIN_ATTEMPTS_FOR_STATS = 10;
/** Facility above this is "very easy", below VERY_HARD_BELOW "very hard". */
export const VERY_EASY_ABOVE = 0.9;
export const VERY_HARD_BELOW = 0.2;
/** Discrimination below this is "low" (Ebel's "poor" band); below 0 is "negative". */
export const LOW_DISCRIMINATION_BELOW = 0.2;

/**
 * Weights of each attempt in the upper and the lower group, each summing to the group size `g`.
 * Attempts tied at a group's boundary share its remaining places equally, so the result does not
 * depend on the order of tied attempts.
 * @example extremeGroups([3, 2, 1]) // { size: 1, upper: [1, 0, 0], lower: [0, 0, 1] }
 */
export function extremeGroups(
  scores: readonly number[],
  fraction = GROUP_FRACTION,
): { size: number; upper: number[]; lower: number[] } {
  const n = scores.length;
  const size = n < 2 ? 0 : Math.max(1, Math.round(fraction * n));
  const side = (better: (a: number, b: number) => boolean) => {
    const weights = new Array<number>(n).fill(0);
    if (size === 0) return weights;
    const sorted = [...scores].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    const boundary = sorted[size - 1] as number;
    const strictly = scores.filter((s) => better(s, boundary)).length;
    const tied = scores.filter((s) => s === boundary).length;
    scores.forEach((s, i) => {
      if (better(s, boundary)) weights[i] = 1;
      else if (s === boundary) weights[i] = (size - strictly) / tied;
    });
    return weights;
  };
  return { size, upper: side((a, b) => a > b), lower: side((a, b) => a < b) };
}

/** Pearson correlation of a 0/1 item with a score (the point-biserial), or null without variance. */
function pointBiserial(items: readonly number[], rest: readonly number[]): number | null {
  const n = items.length;
  if (n < 2) return null;
  const p = items.reduce((s, x) => s + x, 0) / n;
  if (p === 0 || p === 1) return null;
  const mean = rest.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(rest.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  if (sd === 0) return null;
  const m1 = rest.filter((_, i) => items[i] === 1).reduce((s, x) => s + x, 0) / (p * n);
  const m0 = rest.filter((_, i) => items[i] === 0).reduce((s, x) => s + x, 0) / ((1 - p) * n);
  return ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
}

function flagsOf(facility: number | null, discrimination: number | null, isReliable: boolean): ItemFlag[] {
  if (!isReliable || facility === null) return [];
  const flags: ItemFlag[] = [];
  if (facility > VERY_EASY_ABOVE) flags.push("very-easy");
  if (facility < VERY_HARD_BELOW) flags.push("very-hard");
  if (discrimination !== null && discrimination < 0) flags.push("negative-discrimination");
  else if (discrimination !== null && discrimination < LOW_DISCRIMINATION_BELOW)
    flags.push("low-discrimination");
  return flags;
}

/**
 * Item statistics for each question, over the attempts that drew it. Attempts are ranked by their
 * share correct (correct / total), so quizzes whose draws differ in length still compare; the
 * point-biserial uses the rest score (the attempt's share correct without this question), which
 * keeps a question from correlating with itself on short quizzes.
 * @example itemStatistics([{ questionId: "q", options: [] }], attempts)[0].facility // 0.8
 */
export function itemStatistics(items: readonly ItemSpec[], attempts: readonly ScoredAttempt[]): ItemStats[] {
  return items.map((item) => {
    const drew = attempts.flatMap((a) => {
      const response = a.responses.get(item.questionId);
      return response ? [{ attempt: a, response }] : [];
    });
    const n = drew.length;
    const marks = drew.map((d) => (d.response.isCorrect ? 1 : 0));
    const correct = marks.reduce((s: number, x) => s + x, 0);
    const groups = extremeGroups(drew.map((d) => d.attempt.correct / Math.max(d.attempt.total, 1)));
    const groupShare = (weights: number[], hit: (i: number) => boolean) =>
      groups.size === 0 ? null : weights.reduce((s, w, i) => s + (hit(i) ? w : 0), 0) / groups.size;
    const pUpper = groupShare(groups.upper, (i) => marks[i] === 1);
    const pLower = groupShare(groups.lower, (i) => marks[i] === 1);
    const discrimination = pUpper === null || pLower === null ? null : pUpper - pLower;
    const rest = drew.map((d, i) =>
      d.attempt.total > 1 ? (d.attempt.correct - (marks[i] as number)) / (d.attempt.total - 1) : 0,
    );
    const facility = n ? correct / n : null;
    const isReliable = n >= MIN_ATTEMPTS_FOR_STATS;
    return {
      questionId: item.questionId,
      n,
      correct,
      omitted: drew.filter((d) => d.response.chosen === null).length,
      facility,
      discrimination,
      pointBiserial: pointBiserial(marks, rest),
      groupSize: groups.size,
      isReliable,
      flags: flagsOf(facility, discrimination, isReliable),
      options: item.options.map((option) => {
        const chose = (i: number) => drew[i]?.response.chosen?.includes(option.key) ?? false;
        const count = drew.filter((_, i) => chose(i)).length;
        return {
          ...option,
          count,
          share: n ? count / n : 0,
          upperShare: groupShare(groups.upper, chose),
          lowerShare: groupShare(groups.lower, chose),
        };
      }),
    };
  });
}
