import { describe, expect, it } from "vitest";
import { extremeGroups, type ItemSpec, itemStatistics, type ScoredAttempt } from "./item-stats";

// A hand-made class of ten attempts at a six-question quiz. 1 = right, 0 = wrong:
//
//         q1 q2 q3 q4 q5 q6  score (of 6)
//   a1     1  1  0  1  1  0   4
//   a2     1  1  0  1  1  0   4
//   a3     1  1  1  0  1  0   4
//   a4     1  1  0  0  1  0   3
//   a5     1  1  0  0  1  0   3
//   a6     1  0  1  0  1  0   3
//   a7     1  1  0  0  1  0   3
//   a8     0  0  1  0  1  0   2
//   a9     0  0  1  0  1  0   2
//   a10    1  0  0  0  1  0   2
//
// Groups: round(0.27 × 10) = 3. The upper group is a1–a3 (the only 4s), the lower a8–a10 (the
// only 2s): no ties at either boundary.

const GRID = [
  [1, 1, 0, 1, 1, 0],
  [1, 1, 0, 1, 1, 0],
  [1, 1, 1, 0, 1, 0],
  [1, 1, 0, 0, 1, 0],
  [1, 1, 0, 0, 1, 0],
  [1, 0, 1, 0, 1, 0],
  [1, 1, 0, 0, 1, 0],
  [0, 0, 1, 0, 1, 0],
  [0, 0, 1, 0, 1, 0],
  [1, 0, 0, 0, 1, 0],
];
const QUESTIONS = ["q1", "q2", "q3", "q4", "q5", "q6"];

// q1 is single-choice: A right; B tagged "bridge-on-fargate", C tagged "host-on-fargate", D untagged.
// Those right chose A; a8 chose B, a9 chose C. On q4 (typed) a10 gave no answer; others typed something.
const Q1: ItemSpec = {
  questionId: "q1",
  options: [
    { key: "A", label: "awsvpc", isCorrect: true, misconception: null },
    { key: "B", label: "bridge", isCorrect: false, misconception: "bridge-on-fargate" },
    { key: "C", label: "host", isCorrect: false, misconception: "host-on-fargate" },
    { key: "D", label: "none", isCorrect: false, misconception: null },
  ],
};
const Q1_CHOICES: Record<number, string> = { 7: "B", 8: "C" };

const attempts: ScoredAttempt[] = GRID.map((row, a) => ({
  id: `a${a + 1}`,
  correct: row.reduce((s, x) => s + x, 0),
  total: 6,
  responses: new Map(
    QUESTIONS.map((q, i) => {
      const isCorrect = row[i] === 1;
      let chosen: string[] | null = [];
      if (q === "q1") chosen = [isCorrect ? "A" : (Q1_CHOICES[a] as string)];
      if (q === "q4" && a === 9) chosen = null;
      return [q, { isCorrect, chosen }];
    }),
  ),
}));

const specs: ItemSpec[] = [Q1, ...QUESTIONS.slice(1).map((questionId) => ({ questionId, options: [] }))];
const stats = new Map(itemStatistics(specs, attempts).map((s) => [s.questionId, s]));
const get = (id: string) => {
  const s = stats.get(id);
  if (!s) throw new Error(`no stats for ${id}`);
  return s;
};

describe("facility and discrimination on the hand-computed class", () => {
  it("facility is the share right", () => {
    // q1: 8/10; q2: 6/10; q3: 4/10; q4: 2/10; q5: 10/10; q6: 0/10.
    expect(QUESTIONS.map((q) => get(q).facility)).toEqual([0.8, 0.6, 0.4, 0.2, 1, 0]);
    expect(get("q1").n).toBe(10);
    expect(get("q1").correct).toBe(8);
    expect(get("q4").omitted).toBe(1);
    expect(get("q1").groupSize).toBe(3);
  });

  it("D = p(upper) − p(lower) with upper a1–a3 and lower a8–a10", () => {
    // q1: 3/3 − 1/3 (a10) = 2/3     q2: 3/3 − 0/3 = 1        q3: 1/3 (a3) − 2/3 (a8, a9) = −1/3
    // q4: 2/3 (a1, a2) − 0/3 = 2/3  q5: 3/3 − 3/3 = 0        q6: 0/3 − 0/3 = 0
    const d = QUESTIONS.map((q) => get(q).discrimination as number);
    const expected = [2 / 3, 1, -1 / 3, 2 / 3, 0, 0];
    d.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i] as number, 10);
    });
  });

  it("the point-biserial correlates the item with the rest score", () => {
    // Rest score = (score − item) / 5; a correlation ignores the /5, so use the counts.
    // q2: right a1 a2 a3 a4 a5 a7 → rests 3 3 3 2 2 2, mean M1 = 15/6 = 2.5;
    //     wrong a6 a8 a9 a10 → rests 3 2 2 2, mean M0 = 9/4 = 2.25.
    //     All rests: mean 24/10 = 2.4, variance 60/10 − 2.4² = 0.24, sd = √0.24.
    //     r = (2.5 − 2.25) / √0.24 × √(0.6 × 0.4) = 0.25 × √0.24 / √0.24 = 0.25.
    expect(get("q2").pointBiserial).toBeCloseTo(0.25, 10);
    // q3: right a3 a6 a8 a9 → rests 3 2 1 1, M1 = 7/4; wrong a1 a2 a4 a5 a7 a10 → 4 4 3 3 3 2, M0 = 19/6.
    //     All rests 4 4 3 3 3 2 3 1 1 2: mean 2.6, variance 78/10 − 6.76 = 1.04.
    //     r = (1.75 − 3.1667) / √1.04 × √0.24 = −1.41667 × 0.48038 = −0.68054.
    expect(get("q3").pointBiserial).toBeCloseTo(-0.68054, 4);
    // Everyone right (q5) or everyone wrong (q6): no variance, no correlation.
    expect(get("q5").pointBiserial).toBeNull();
    expect(get("q6").pointBiserial).toBeNull();
  });

  it("flags very easy, very hard, negative and low discrimination once n reaches 10", () => {
    expect(QUESTIONS.map((q) => get(q).flags)).toEqual([
      [],
      [],
      ["negative-discrimination"],
      [],
      ["very-easy", "low-discrimination"],
      ["very-hard", "low-discrimination"],
    ]);
    expect(get("q1").isReliable).toBe(true);
  });
});

describe("distractor analysis", () => {
  it("counts each option overall and in the extreme groups, with its misconception tag", () => {
    // A: 8 (a1–a7, a10); B: a8; C: a9; D: nobody. Upper a1–a3 all chose A.
    // Lower: a8 → B, a9 → C, a10 → A, so each of A, B, C is 1/3 of the lower group.
    expect(
      get("q1").options.map((o) => [o.key, o.misconception, o.count, o.share, o.upperShare, o.lowerShare]),
    ).toEqual([
      ["A", null, 8, 0.8, 1, 1 / 3],
      ["B", "bridge-on-fargate", 1, 0.1, 0, 1 / 3],
      ["C", "host-on-fargate", 1, 0.1, 0, 1 / 3],
      ["D", null, 0, 0, 0, 0],
    ]);
  });
});

describe("small and tied classes", () => {
  it("ties at a group boundary share its places", () => {
    // n = 8 → g = round(2.16) = 2. Upper: the two 3s. Lower: three 0s tied for 2 places → 2/3 each.
    const groups = extremeGroups([3, 3, 2, 1, 1, 0, 0, 0]);
    expect(groups.size).toBe(2);
    expect(groups.upper).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(groups.lower.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    for (const w of groups.lower.slice(5)) expect(w).toBeCloseTo(2 / 3, 12);
  });

  it("a question only one of three tied-bottom attempts got right has p(lower) = (2/3)/2 = 1/3", () => {
    const scores = [3, 3, 2, 1, 1, 0, 0, 0];
    const rightOn = new Set([0, 1, 5]);
    const tied: ScoredAttempt[] = scores.map((correct, i) => ({
      id: `t${i}`,
      correct,
      total: 4,
      responses: new Map([["q", { isCorrect: rightOn.has(i), chosen: [] }]]),
    }));
    const [q] = itemStatistics([{ questionId: "q", options: [] }], tied);
    // p(upper) = 2/2 = 1; p(lower) = (2/3 × 1) / 2 = 1/3 → D = 2/3.
    expect(q?.discrimination).toBeCloseTo(2 / 3, 12);
    expect(q?.isReliable).toBe(false);
    expect(q?.flags).toEqual([]);
  });

  it("one attempt has a facility but no discrimination; a question nobody drew has neither", () => {
    const one: ScoredAttempt = {
      id: "solo",
      correct: 1,
      total: 2,
      responses: new Map([["q", { isCorrect: true, chosen: ["A"] }]]),
    };
    const [drawn, absent] = itemStatistics(
      [
        { questionId: "q", options: [] },
        { questionId: "missing", options: [] },
      ],
      [one],
    );
    expect(drawn).toMatchObject({ n: 1, facility: 1, discrimination: null, groupSize: 0 });
    expect(absent).toMatchObject({ n: 0, facility: null, discrimination: null, pointBiserial: null });
  });
});
