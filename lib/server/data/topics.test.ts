import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { listTopics, topicLabel } from "./topics";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

describe("listTopics", () => {
  it("is empty before any bank is loaded", async () => {
    db = createTestDatabase();
    expect(await listTopics(db.prisma)).toEqual([]);
  });

  it("counts live questions and flashcards per topic, leaving retired ones out", async () => {
    db = createTestDatabase();
    const now = new Date("2026-01-01T00:00:00Z");
    await db.prisma.bank.create({
      data: {
        id: "b1",
        title: "Launch types",
        topic: "launch-types",
        file: "x.md",
        sourceHash: "h",
        lastSyncedAt: now,
      },
    });
    const question = (id: string, kind: string, retiredAt: Date | null = null) => ({
      id,
      bankId: "b1",
      kind,
      title: id,
      topic: "launch-types",
      difficulty: 2,
      position: 0,
      data: "{}",
      contentHash: "h",
      retiredAt,
    });
    await db.prisma.question.createMany({
      data: [
        question("q1", "single"),
        question("q2", "multiple"),
        question("q3", "single", now),
        question("c1", "flashcard"),
        question("c2", "cloze"),
      ],
    });
    expect(await listTopics(db.prisma)).toEqual([
      { topic: "launch-types", label: "Launch types", questions: 2, flashcards: 2, banks: 1 },
    ]);
  });
});

describe("topicLabel", () => {
  it("turns a topic id into words", () => {
    expect(topicLabel("launch-types")).toBe("Launch types");
    expect(topicLabel("volumes")).toBe("Volumes");
  });

  it("writes AWS acronyms in capitals", () => {
    expect(topicLabel("iam")).toBe("IAM");
    expect(topicLabel("iam-for-ecs")).toBe("IAM for ECS");
    expect(topicLabel("efs-volumes")).toBe("EFS volumes");
  });
});
