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
  it("names a shipped topic from the topics catalog, in each language", () => {
    expect(topicLabel("launch-types", "en")).toBe("Launch types");
    expect(topicLabel("launch-types", "ko")).toBe("시작 유형");
    expect(topicLabel("cluster-placement", "ko")).toBe("클러스터와 태스크 배치");
  });

  it("turns a topic no catalog knows into words, in either language", () => {
    expect(topicLabel("volumes", "en")).toBe("Volumes");
    expect(topicLabel("volumes", "ko")).toBe("Volumes");
  });

  it("writes AWS acronyms in capitals", () => {
    expect(topicLabel("iam", "en")).toBe("IAM");
    expect(topicLabel("iam-for-ecs", "ko")).toBe("IAM for ECS");
    expect(topicLabel("efs-volumes", "en")).toBe("EFS volumes");
  });
});
