import { describe, expect, it } from "vitest";
import { importFixture } from "@/lib/testing/bank-import-fixture";

describe("Obsidian spaced-repetition importer", () => {
  const { result, bank, byTitle } = importFixture("obsidian.md");

  it("reads ::, :::, ? and ?? cards with the deck as a tag", () => {
    expect(result.format).toBe("obsidian");
    expect(byTitle("Fargate network mode")).toMatchObject({
      kind: "flashcard",
      back: "awsvpc",
      reversible: false,
      tags: ["aws/ecs"],
    });
    expect(byTitle("Task role")).toMatchObject({
      reversible: true,
      back: "Grants the application its AWS permissions",
    });
    expect(byTitle("What does the task execution role do?")).toMatchObject({
      back: "Pulls images from ECR, sends awslogs to CloudWatch, injects secrets.",
      reversible: false,
    });
    expect(byTitle("Execution role vs task role").reversible).toBe(true);
  });

  it("keeps <!--SR:…--> schedules as import hints", () => {
    expect(byTitle("Task role").srsHint).toBe("!2024-08-16,51,230");
    expect(byTitle("What does the task execution role do?").srsHint).toBe("!2024-09-01,12,250");
  });

  it("turns ==highlights== into numbered cloze deletions", () => {
    const clozes = bank.questions.filter((q) => q.kind === "cloze").map((q) => q.cloze);
    expect(clozes).toEqual([
      "EFS on Fargate needs platform version {{c1::1.4.0}}",
      "EFS uses NFS on port {{c1::2049}} and needs {{c2::a mount target}} per AZ",
    ]);
  });

  it("writes one-line cards as a compact deck and reports lines that are not cards", () => {
    expect(result.markdown).toContain("kind: flashcards");
    expect(result.markdown).toContain("- Fargate network mode :: awsvpc {#fargate-network-mode}");
    expect(result.dropped).toEqual([
      { line: 25, reason: "Not a card: no ::, no lone ? line and no ==cloze==" },
    ]);
  });
});
