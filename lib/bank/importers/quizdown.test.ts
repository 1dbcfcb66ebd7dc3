import { describe, expect, it } from "vitest";
import { importFixture } from "@/lib/testing/bank-import-fixture";

describe("quizdown importer", () => {
  const { result, byTitle } = importFixture("quizdown.md");

  it("maps 1. [x] to single choice, - [x] to multiple choice and a numbered list to ordering", () => {
    expect(result.format).toBe("quizdown");
    expect(byTitle("Which network mode must a Fargate task use?").kind).toBe("single");
    expect(byTitle("Which storage options persist beyond the task?")).toMatchObject({
      kind: "multiple",
      chooseCount: 2,
    });
    const order = byTitle("Put a rolling update in order");
    expect(order.kind).toBe("ordering");
    expect(order.options.map((o) => o.text)).toEqual([
      "Register a new task definition revision",
      "Update the service",
      "Start new tasks",
      "Stop old tasks",
    ]);
  });

  it("keeps the hint in the stem and turns option comments into rationales", () => {
    const q = byTitle("Which network mode must a Fargate task use?");
    expect(q.stem).toBe("> Think about ENIs.");
    expect(q.options.map((o) => o.rationale)).toEqual([
      "Each Fargate task gets its own ENI.",
      "Bridge is only available on EC2.",
      undefined,
    ]);
    expect(byTitle("Which storage options persist beyond the task?").explanation).toBe(
      "EFS and FSx are network file systems.",
    );
  });

  it("reports ignored settings and a single choice with two answers", () => {
    expect(result.dropped.map((d) => d.reason)).toEqual([
      expect.stringContaining('"primaryColor" ignored'),
      expect.stringContaining('"shuffleQuestions" ignored'),
      expect.stringContaining('"shuffleAnswers" ignored'),
      expect.stringContaining("imported as multiple choice"),
    ]);
    expect(result.dropped[3]?.line).toBe(34);
    expect(byTitle("Contradiction").kind).toBe("multiple");
  });
});
