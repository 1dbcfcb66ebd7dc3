import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, gradeCard, newCardState } from "@/lib/srs";
import { createLearner, loadStudyBank } from "../testing/study-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { recordGrade, setSuspended, undoGrade } from "./study-grading";
import { loadStudyQueue, stateOfRow } from "./study-queue";

let db: TestDatabase;
const t0 = new Date("2026-03-02T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const everything = { topics: [], tags: [], banks: [] };

beforeEach(async () => {
  db = createTestDatabase();
  await loadStudyBank(db.prisma);
});
afterEach(async () => {
  await db.cleanup();
});

const flash = (reviewId = randomUUID()) => ({
  reviewId,
  ref: { questionId: "fx-task-role", side: "" },
  grade: "good" as const,
  durationMs: 4000,
  clientTime: t0.toISOString(),
});

describe("the study queue", () => {
  it("offers every side of every card as new: the question, the flashcard and each cloze gap", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const view = await loadStudyQueue(db.prisma, learner, everything, t0);
    expect(view.items.map((i) => i.key)).toEqual([
      "fx-netmode|",
      "fx-task-role|",
      "fx-cloze|c1",
      "fx-cloze|c2",
    ]);
    expect(view.counts).toEqual({ new: 4, learning: 0, due: 0 });
    expect(view.items[1]?.intervals).toMatchObject({
      again: { unit: "minute", count: 1 },
      good: { unit: "minute", count: 10 },
    });
  });

  it("puts due cards first and stops new cards at the daily limit", async () => {
    const learner = await createLearner(db.prisma, "l1");
    await db.prisma.studySettings.create({ data: { userId: learner.id, newPerDay: 2 } });
    await recordGrade(db.prisma, learner, flash(), t0);
    const later = await loadStudyQueue(db.prisma, learner, everything, minutes(11));
    expect(later.items[0]?.key).toBe("fx-task-role|");
    expect(later.counts).toEqual({ new: 1, learning: 1, due: 0 });
    expect(later.items.map((i) => i.key)).toEqual(["fx-task-role|", "fx-netmode|"]);
  });

  it("says when the next card is due when nothing is", async () => {
    const learner = await createLearner(db.prisma, "l1");
    await db.prisma.studySettings.create({ data: { userId: learner.id, newPerDay: 1 } });
    const result = await recordGrade(db.prisma, learner, flash(), t0);
    const view = await loadStudyQueue(db.prisma, learner, everything, minutes(1));
    expect(view.items).toEqual([]);
    expect(view.nextDueAt).toBe(result.due);
  });

  it("filters by topic and tag, and cram lists everything without writing anything", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const tagged = await loadStudyQueue(db.prisma, learner, { ...everything, tags: ["iam"] }, t0);
    expect(tagged.items.map((i) => i.key)).toEqual(["fx-task-role|"]);
    const elsewhere = await loadStudyQueue(db.prisma, learner, { ...everything, topics: ["storage"] }, t0);
    expect(elsewhere.items).toEqual([]);
    const cram = await loadStudyQueue(db.prisma, learner, everything, t0, { mode: "cram" });
    expect(cram.items).toHaveLength(4);
    expect(await db.prisma.studyCard.count()).toBe(0);
    expect(await db.prisma.review.count()).toBe(0);
  });

  it("leaves suspended cards out", async () => {
    const learner = await createLearner(db.prisma, "l1");
    await setSuspended(db.prisma, learner, { questionId: "fx-netmode", side: "" }, true, t0);
    const view = await loadStudyQueue(db.prisma, learner, everything, t0);
    expect(view.items.map((i) => i.key)).not.toContain("fx-netmode|");
  });
});

describe("recordGrade", () => {
  it("schedules exactly as ts-fsrs does, and logs the state before and after", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const result = await recordGrade(db.prisma, learner, flash(), t0);
    const expected = gradeCard(newCardState(t0), "good", DEFAULT_SETTINGS, t0).after;
    expect(result.due).toBe(expected.due.toISOString());
    const card = await db.prisma.studyCard.findFirstOrThrow();
    expect(stateOfRow(card)).toEqual(expected);
    const review = await db.prisma.review.findFirstOrThrow();
    expect(review).toMatchObject({
      grade: "good",
      wasNew: true,
      durationMs: 4000,
      kind: "grade",
      revision: 1,
    });
    expect(JSON.parse(review.stateBefore).phase).toBe("new");
  });

  it("changes nothing the second time the same grading arrives", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const id = randomUUID();
    const first = await recordGrade(db.prisma, learner, flash(id), t0);
    const again = await recordGrade(db.prisma, learner, { ...flash(id), grade: "easy" }, minutes(5));
    expect(again).toEqual({ ...first, repeated: true });
    expect(await db.prisma.review.count()).toBe(1);
    expect((await db.prisma.studyCard.findFirstOrThrow()).reps).toBe(1);
  });

  it("records one review when 50 copies of a grading arrive at once", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => recordGrade(db.prisma, learner, flash(id), t0)),
    );
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await db.prisma.review.count()).toBe(1);
    expect((await db.prisma.studyCard.findFirstOrThrow()).reps).toBe(1);
  });

  it("derives a practice question's grade from the answer, never from the browser", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const ask = (keys: string[], confidence: "guessed" | "sure" | "certain") =>
      recordGrade(
        db.prisma,
        learner,
        {
          reviewId: randomUUID(),
          ref: { questionId: "fx-netmode", side: "" },
          grade: "easy",
          answer: { kind: "choice", keys },
          confidence,
          durationMs: 1,
          clientTime: t0.toISOString(),
        },
        minutes(60),
      );
    expect(await ask(["A"], "sure")).toMatchObject({ grade: "again", isCorrect: false });
    const wrong = await db.prisma.review.findFirstOrThrow({ where: { isCorrect: false } });
    expect(wrong.misconception).toBe("bridge-on-fargate");
    expect(await ask(["B"], "guessed")).toMatchObject({ grade: "hard", isCorrect: true });
    expect(await ask(["B"], "certain")).toMatchObject({ grade: "easy", isCorrect: true });
  });

  it("refuses a grading id that another learner already used, revealing nothing", async () => {
    const one = await createLearner(db.prisma, "l1");
    const two = await createLearner(db.prisma, "l2");
    const id = randomUUID();
    await recordGrade(db.prisma, one, flash(id), t0);
    await expect(recordGrade(db.prisma, two, flash(id), t0)).rejects.toThrow();
    expect(await db.prisma.studyCard.count({ where: { userId: two.id } })).toBe(0);
  });
});

describe("undoGrade", () => {
  it("restores the exact previous state and logs the undo as a row of its own", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const firstId = randomUUID();
    await recordGrade(db.prisma, learner, flash(firstId), t0);
    const before = stateOfRow(await db.prisma.studyCard.findFirstOrThrow());
    const secondId = randomUUID();
    await recordGrade(db.prisma, learner, { ...flash(secondId), grade: "again" }, minutes(11));
    await undoGrade(db.prisma, learner, { undoId: randomUUID(), reviewId: secondId }, minutes(12));
    expect(stateOfRow(await db.prisma.studyCard.findFirstOrThrow())).toEqual(before);
    expect(await db.prisma.review.count({ where: { kind: "undo", undoneReviewId: secondId } })).toBe(1);
    await expect(
      undoGrade(db.prisma, learner, { undoId: randomUUID(), reviewId: secondId }, minutes(13)),
    ).rejects.toThrow(/already undone/);
  });

  it("gives back the new-card slot of an undone first grade", async () => {
    const learner = await createLearner(db.prisma, "l1");
    await db.prisma.studySettings.create({ data: { userId: learner.id, newPerDay: 1 } });
    const id = randomUUID();
    await recordGrade(db.prisma, learner, flash(id), t0);
    expect((await loadStudyQueue(db.prisma, learner, everything, minutes(1))).newLeftToday).toBe(0);
    await undoGrade(db.prisma, learner, { undoId: randomUUID(), reviewId: id }, minutes(2));
    const view = await loadStudyQueue(db.prisma, learner, everything, minutes(3));
    expect(view.newLeftToday).toBe(1);
    expect(view.counts.new).toBe(1);
  });

  it("refuses to undo another learner's grade", async () => {
    const one = await createLearner(db.prisma, "l1");
    const two = await createLearner(db.prisma, "l2");
    const id = randomUUID();
    await recordGrade(db.prisma, one, flash(id), t0);
    await expect(
      undoGrade(db.prisma, two, { undoId: randomUUID(), reviewId: id }, minutes(1)),
    ).rejects.toThrow();
    expect(await db.prisma.review.count({ where: { kind: "undo" } })).toBe(0);
  });
});

describe("the review log", () => {
  it("refuses any update to a review row (append-only, enforced by the database)", async () => {
    const learner = await createLearner(db.prisma, "l1");
    const id = randomUUID();
    await recordGrade(db.prisma, learner, flash(id), t0);
    // The trigger's RAISE reaches Prisma as a constraint error; what matters is the refusal.
    await expect(db.prisma.review.update({ where: { id }, data: { grade: "easy" } })).rejects.toThrow();
    await expect(db.prisma.review.updateMany({ data: { durationMs: 0 } })).rejects.toThrow();
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id } })).grade).toBe("good");
  });
});

describe("interleave", () => {
  it("takes one from each bank in turn", async () => {
    const { interleave } = await import("./study-queue");
    expect(interleave([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]])).toEqual([
      "a1",
      "b1",
      "c1",
      "a2",
      "c2",
      "a3",
    ]);
    expect(interleave([])).toEqual([]);
  });
});
