import { describe, expect, it } from "vitest";
import { importFixture } from "@/lib/testing/bank-import-fixture";
import { importBank } from ".";

describe("Anki text importer", () => {
  const { result, bank } = importFixture("anki.txt");

  it("honours the header lines and converts HTML fields", () => {
    expect(result.format).toBe("anki");
    expect(bank.meta.title).toBe("AWS::ECS");
    expect(bank.questions[0]).toMatchObject({
      kind: "flashcard",
      front: "Fargate network mode",
      back: "**awsvpc**",
      tags: ["aws", "ecs", "networking"],
    });
    expect(bank.questions[1]).toMatchObject({
      front: "Task role\nvs execution role",
      back: "The task role is for the app;\nthe execution role for the agent",
    });
  });

  it("reads quoted fields holding tabs and doubled quotes", () => {
    expect(bank.questions[2]).toMatchObject({ front: "Quoted front, with\ttab", back: 'Back with "quotes"' });
  });

  it("imports cloze notes with the extra field as explanation", () => {
    expect(bank.questions[3]).toMatchObject({
      kind: "cloze",
      cloze: "EFS on Fargate needs {{c1::1.4.0::version}}",
      explanation: "Platform versions",
      tags: ["aws", "ecs", "storage"],
    });
  });

  it("works without headers, guessing the separator", () => {
    const r = importBank("front one;back one\nfront two;back two\n", { file: "cards.csv", format: "anki" });
    expect(r.markdown).toContain("- front one :: back one {#front-one}");
    expect(r.dropped).toEqual([]);
  });

  it("drops a note without a back, with its line", () => {
    const r = importBank("#separator:tab\nfront only\t\nok\tyes\n", { file: "x.txt" });
    expect(r.dropped).toEqual([{ line: 2, reason: "Question dropped: a card needs a front and a back" }]);
  });
});
