import { describe, expect, it } from "vitest";
import { drawAttempt, type PoolQuestion } from "./draw";
import { seededRng, seedOf, shuffled } from "./random";
import { gradeItems, passes, scaledScore } from "./scoring";

const pool: PoolQuestion[] = ["a", "b", "c", "d", "e", "f"].map((id, i) => ({
  id,
  topic: i < 3 ? "iam" : "ecs",
  revision: 1,
  optionKeys: ["A", "B", "C", "D"],
}));
const rule = {
  selection: "random" as const,
  questionIds: [],
  perTopic: 2,
  shuffleQuestions: true,
  shuffleOptions: true,
};

describe("draws", () => {
  it("the same seed gives the same draw; another seed may differ", () => {
    const one = drawAttempt(pool, rule, seededRng(seedOf("attempt-1")));
    expect(drawAttempt(pool, rule, seededRng(seedOf("attempt-1")))).toEqual(one);
    expect(one).toHaveLength(4);
    const topics = one.map((item) => pool.find((q) => q.id === item.questionId)?.topic);
    expect(topics.filter((t) => t === "iam")).toHaveLength(2);
    for (const item of one) expect([...item.optionOrder].sort()).toEqual(["A", "B", "C", "D"]);
  });
  it("a fixed list keeps its order and skips ids no longer in the pool", () => {
    const got = drawAttempt(
      pool,
      {
        ...rule,
        selection: "fixed",
        questionIds: ["c", "zz", "a"],
        shuffleQuestions: false,
        shuffleOptions: false,
      },
      seededRng(1),
    );
    expect(got.map((i) => i.questionId)).toEqual(["c", "a"]);
    expect(got[0]?.optionOrder).toEqual(["A", "B", "C", "D"]);
  });
  it("an exam draws a total count across topics", () => {
    expect(drawAttempt(pool, { ...rule, totalCount: 5 }, seededRng(7))).toHaveLength(5);
  });
  it("ordering items are always shuffled, and never left in the written order (which is the key)", () => {
    const ordering = [{ id: "o", topic: "t", revision: 1, optionKeys: ["A", "B", "C"], alwaysShuffle: true }];
    const fixed = { ...rule, selection: "fixed" as const, questionIds: ["o"], shuffleOptions: false };
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) {
      const [item] = drawAttempt(ordering, fixed, seededRng(seed));
      expect([...(item?.optionOrder ?? [])].sort()).toEqual(["A", "B", "C"]);
      expect(item?.optionOrder).not.toEqual(["A", "B", "C"]);
      seen.add(item?.optionOrder.join("") ?? "");
    }
    expect(seen.size).toBeGreaterThan(1);
    const two = [{ id: "o", topic: "t", revision: 1, optionKeys: ["A", "B"], alwaysShuffle: true }];
    expect(drawAttempt(two, fixed, seededRng(3))[0]?.optionOrder).toEqual(["B", "A"]);
  });
  it("shuffles are permutations", () => {
    const rng = seededRng(42);
    for (let n = 0; n < 50; n += 1) expect(shuffled([1, 2, 3, 4, 5], rng).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("grading", () => {
  it("counts by topic and domain", () => {
    const grade = gradeItems([
      { topic: "iam", domain: "Security", isCorrect: true },
      { topic: "iam", domain: "Security", isCorrect: false },
      { topic: "ecs", domain: null, isCorrect: true },
    ]);
    expect(grade).toMatchObject({ correct: 2, total: 3, score: 66.7 });
    expect(grade.breakdown).toContainEqual({ kind: "domain", group: "Security", correct: 1, total: 2 });
    expect(grade.breakdown).toContainEqual({ kind: "topic", group: "ecs", correct: 1, total: 1 });
    expect(passes(66.7, 70)).toBe(false);
    expect(passes(70, 70)).toBe(true);
  });
  it.each([
    [0, 65, 100],
    [65, 65, 1000],
    [47, 65, 751],
    [0, 0, 100],
  ])("scaled %i/%i → %i", (correct, total, want) => {
    expect(scaledScore(correct, total)).toBe(want);
  });
});
