import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recallAt } from "@/lib/progress";
import { createLearner, loadStudyBank } from "../testing/study-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { loadProgress } from "./progress";
import { examDateSchema, saveExamDate } from "./progress-exam";
import { recordGrade } from "./study-grading";
import { loadStudyQueue } from "./study-queue";

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

const flash = (grade: "again" | "good" | "easy", durationMs = 4000) => ({
  reviewId: randomUUID(),
  ref: { questionId: "fx-task-role", side: "" },
  grade,
  durationMs,
  clientTime: t0.toISOString(),
});
const netmode = (keys: string[]) => ({
  reviewId: randomUUID(),
  ref: { questionId: "fx-netmode", side: "" },
  answer: { kind: "choice" as const, keys },
  confidence: "sure" as const,
  durationMs: 6000,
  clientTime: t0.toISOString(),
});

describe("loadProgress", () => {
  it("reflects the learner's own reviews, and never another learner's", async () => {
    const me = await createLearner(db.prisma, "l1");
    const other = await createLearner(db.prisma, "l2");
    await recordGrade(db.prisma, me, flash("good", 4000), t0);
    await recordGrade(db.prisma, me, netmode(["A"]), minutes(1)); // wrong, bridge-on-fargate
    await recordGrade(db.prisma, me, flash("good", 2000), minutes(11));
    for (let i = 0; i < 3; i += 1) await recordGrade(db.prisma, other, netmode(["C"]), minutes(2 + i));

    const view = await loadProgress(db.prisma, me, minutes(30));
    expect(view.totals).toEqual({ reviews: 3, msStudied: 12_000, cardsStudied: 2, cardsTotal: 4 });
    expect(view.heatmap).toHaveLength(365);
    expect(view.heatmap.at(-1)).toEqual({ date: "2026-03-02", count: 3 });
    expect(view.streak).toEqual({ current: 1, longest: 1 });
    expect(view.misconceptions).toEqual([{ tag: "bridge-on-fargate", count: 1 }]);
    const topic = view.byTopic.find((t) => t.key === "launch-types");
    expect(topic).toMatchObject({ cards: 4, studied: 2 });
    expect(view.byDomain.find((d) => d.key === "cost")).toMatchObject({ cards: 4, studied: 2, weight: 0.2 });
    expect(view.trends.at(-1)).toMatchObject({ reviews: 3, accuracy: 2 / 3, secondsPerCard: 4 });
    expect(view.forecast.reduce((s, d) => s + d.due, 0)).toBe(2);
    expect(view.exam).toBeNull();

    const theirs = await loadProgress(db.prisma, other, minutes(30));
    expect(theirs.totals.reviews).toBe(3);
    expect(theirs.misconceptions).toEqual([{ tag: "host-on-fargate", count: 3 }]);
    expect(JSON.stringify(theirs)).not.toContain("bridge-on-fargate");
  });

  it("leaves undone grades out", async () => {
    const me = await createLearner(db.prisma, "l1");
    const { undoGrade } = await import("./study-grading");
    const grading = flash("good");
    await recordGrade(db.prisma, me, grading, t0);
    await undoGrade(db.prisma, me, { undoId: randomUUID(), reviewId: grading.reviewId }, minutes(1));
    const view = await loadProgress(db.prisma, me, minutes(2));
    expect(view.totals.reviews).toBe(0);
    expect(view.heatmap.at(-1)?.count).toBe(0);
  });

  it("stays exact across loads: new grades appear, and an undo of an older grade is taken back", async () => {
    const me = await createLearner(db.prisma, "l1");
    const { undoGrade } = await import("./study-grading");
    const latest = flash("good", 2000);
    await recordGrade(db.prisma, me, flash("good", 1000), t0);
    await recordGrade(db.prisma, me, latest, minutes(11));
    expect((await loadProgress(db.prisma, me, minutes(30))).totals.reviews).toBe(2);
    await recordGrade(db.prisma, me, netmode(["A"]), minutes(40));
    const second = await loadProgress(db.prisma, me, minutes(41));
    expect(second.totals).toMatchObject({ reviews: 3, msStudied: 9000 });
    // That grade is behind the cached watermark; undoing it must still remove it.
    await undoGrade(db.prisma, me, { undoId: randomUUID(), reviewId: latest.reviewId }, minutes(50));
    const third = await loadProgress(db.prisma, me, minutes(51));
    expect(third.totals).toMatchObject({ reviews: 2, msStudied: 7000 });
    expect(third.heatmap.at(-1)?.count).toBe(2);
    expect(third.misconceptions).toEqual([{ tag: "bridge-on-fargate", count: 1 }]);
  });

  it("with an exam date, predicts recall from the review log and plans the days left", async () => {
    const me = await createLearner(db.prisma, "l1");
    await recordGrade(db.prisma, me, flash("good"), t0);
    await recordGrade(db.prisma, me, flash("good"), minutes(11));
    const exam = new Date("2026-03-22T12:00:00Z");
    await saveExamDate(db.prisma, me, exam);
    const view = await loadProgress(db.prisma, me, minutes(20));
    const card = await db.prisma.studyCard.findFirstOrThrow({ where: { userId: me.id } });
    const cost = view.exam?.domains.find((d) => d.id === "cost");
    // One of the fixture's 4 cards is studied; the other 3 count as 0.
    expect(cost?.predictedRecall).toBeCloseTo(recallAt(card, exam) / 4, 8);
    expect(view.exam?.estimate).toBeCloseTo(cost?.predictedRecall ?? -1, 8);
    expect(view.exam?.daysLeft).toBe(20);
    expect(view.exam?.plan).toMatchObject({ newCardsNeeded: 3, newPerDay: 1, isReachable: true });
    expect(view.exam?.low).toBeLessThanOrEqual(view.exam?.estimate ?? 0);
  });
});

describe("the exam's target recall", () => {
  it("is stored with the exam date and drives readiness and the daily plan", async () => {
    const me = await createLearner(db.prisma, "l1");
    await recordGrade(db.prisma, me, flash("good"), t0);
    const exam = new Date("2026-03-22T12:00:00Z");
    await saveExamDate(db.prisma, me, exam);
    const byDefault = await loadProgress(db.prisma, me, minutes(20));
    expect(byDefault.examTargetRecall).toBe(0.9);
    expect(byDefault.exam?.target).toBe(0.9);

    await saveExamDate(db.prisma, me, exam, 0.5);
    const low = await loadProgress(db.prisma, me, minutes(20));
    expect(low.examTargetRecall).toBe(0.5);
    expect(low.exam?.target).toBe(0.5);
    // 4 cards kept at 0.9: a 0.9 target needs all 4 learned (3 new), 0.5 needs ⌈0.5·4/0.9⌉ = 3 (2 new).
    expect(byDefault.exam?.plan.newCardsNeeded).toBe(3);
    expect(low.exam?.plan.newCardsNeeded).toBe(2);

    // Clearing the date keeps the target; saving a date without one keeps it too.
    await saveExamDate(db.prisma, me, null);
    await saveExamDate(db.prisma, me, exam);
    expect((await loadProgress(db.prisma, me, minutes(20))).exam?.target).toBe(0.5);
    await expect(saveExamDate(db.prisma, me, exam, 1.2)).rejects.toThrow();
    // The learner's own data export carries it with their study settings.
    const { exportOwnData } = await import("./user-export");
    const exported = await exportOwnData(db.prisma, me);
    expect(exported.studySettings).toMatchObject({ examTargetRecall: 0.5, examDate: exam });
    expect(
      (await db.prisma.studySettings.findUniqueOrThrow({ where: { userId: me.id } })).examTargetRecall,
    ).toBe(0.5);
  });

  it("is refused outside 0.50–0.99, naming the field", () => {
    const errorOf = (targetRecall: string) => {
      const parsed = examDateSchema.safeParse({ examDate: "", targetRecall });
      return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(errorOf("1.2")).toEqual(["targetRecall: at most 0.99"]);
    expect(errorOf("0.3")).toEqual(["targetRecall: at least 0.50"]);
    expect(errorOf("lots")).toEqual(["targetRecall: a number such as 0.90"]);
    expect(errorOf("0.75")).toBeNull();
  });
});

describe("the study queue with an exam date", () => {
  it("puts the due card with the lowest recall on the exam date first", async () => {
    const me = await createLearner(db.prisma, "l1");
    const base = { userId: me.id, phase: "review", elapsedDays: 0, learningSteps: 0, reps: 3, lapses: 0 };
    // fx-task-role: due earlier, but stable (30 days). fx-netmode: due later, fragile (2 days).
    await db.prisma.studyCard.create({
      data: {
        ...base,
        questionId: "fx-task-role",
        due: minutes(-120),
        stability: 30,
        difficulty: 5,
        scheduledDays: 10,
        lastReview: minutes(-10 * 1440),
      },
    });
    await db.prisma.studyCard.create({
      data: {
        ...base,
        questionId: "fx-netmode",
        due: minutes(-60),
        stability: 2,
        difficulty: 7,
        scheduledDays: 2,
        lastReview: minutes(-2 * 1440),
      },
    });
    await db.prisma.studySettings.create({ data: { userId: me.id, newPerDay: 0 } });
    const plain = await loadStudyQueue(db.prisma, me, everything, t0);
    expect(plain.items.map((i) => i.key)).toEqual(["fx-task-role|", "fx-netmode|"]);
    await saveExamDate(db.prisma, me, new Date("2026-04-01T12:00:00Z"));
    const forExam = await loadStudyQueue(db.prisma, me, everything, t0);
    expect(forExam.items.map((i) => i.key)).toEqual(["fx-netmode|", "fx-task-role|"]);
    // An exam date in the past changes nothing.
    await saveExamDate(db.prisma, me, new Date("2026-01-01T12:00:00Z"));
    expect((await loadStudyQueue(db.prisma, me, everything, t0)).items.map((i) => i.key)).toEqual([
      "fx-task-role|",
      "fx-netmode|",
    ]);
  });
});

/**
 * The dashboard counts the review log per study day in SQL (lib/server/db.ts). This compares it, on
 * a real SQLite file, with the JavaScript it replaced: every graded, not-undone review read back
 * and bucketed by lib/progress's countByDay and weeklyTrends. Reviews sit on and around every
 * study-day boundary of the year (daylight-saving changes included), inside the missing and
 * repeated hours, after `now`, and before the window; some are undone; another learner's are
 * mixed in.
 */
describe("the review log counted in SQL", () => {
  const zones: Array<{ timeZone: string; dayStartHour: number; now: string }> = [
    { timeZone: "America/New_York", dayStartHour: 4, now: "2026-11-15T15:00:00Z" },
    // 01:00 local is missing on the spring change and happens twice on the autumn one.
    { timeZone: "Europe/London", dayStartHour: 1, now: "2026-11-02T00:30:00Z" },
    // Chile changes clocks at midnight: the day starts at an hour that does not always exist.
    { timeZone: "America/Santiago", dayStartHour: 0, now: "2026-10-01T03:30:00Z" },
    // Half-hour daylight saving; and a zone without it.
    { timeZone: "Australia/Lord_Howe", dayStartHour: 2, now: "2026-10-20T10:00:00Z" },
    { timeZone: "Asia/Kolkata", dayStartHour: 23, now: "2026-06-30T18:00:00Z" },
  ];

  it.each(zones)(
    "equals the JavaScript bucketing in $timeZone, days starting at hour $dayStartHour",
    async (zone) => {
      const { countByDay, studyDays, topMisconceptions, weeklyTrends } = await import("@/lib/progress");
      const rule = { timeZone: zone.timeZone, dayStartHour: zone.dayStartHour };
      const now = new Date(zone.now);
      const me = await createLearner(db.prisma, "l1");
      const other = await createLearner(db.prisma, "l2");
      await db.prisma.studySettings.create({ data: { userId: me.id, ...rule } });
      const cardOf = new Map<string, string>();
      for (const user of [me, other]) {
        const card = await db.prisma.studyCard.create({
          data: {
            userId: user.id,
            questionId: "fx-netmode",
            phase: "review",
            due: now,
            stability: 5,
            difficulty: 5,
            elapsedDays: 1,
            scheduledDays: 5,
            learningSteps: 0,
            reps: 3,
            lapses: 0,
            lastReview: now,
          },
        });
        cardOf.set(user.id, card.id);
      }

      // Every boundary of 380 study days (15 before the heatmap's first), ±1 ms, ±30 min, ±61 min.
      const times: Date[] = [];
      for (const day of studyDays(now, rule, 380)) {
        for (const delta of [0, -1, 1, -30 * 60_000, 30 * 60_000, -61 * 60_000, 61 * 60_000]) {
          times.push(new Date(day.start.getTime() + delta));
        }
      }
      times.push(now, new Date(now.getTime() + 1), new Date(now.getTime() + 5 * 3_600_000));
      let seed = 7;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const GRADES = ["again", "hard", "good", "easy"] as const;
      const TAGS = ["bridge-on-fargate", "host-on-fargate", "alb-static-ip"];
      const rows = times.flatMap((at, i) =>
        [me, other].map((user) => {
          const grade = GRADES[Math.floor(random() * 4)] ?? "good";
          const isQuestion = random() < 0.5;
          return {
            id: `r-${user.id}-${i}`,
            userId: user.id,
            cardId: cardOf.get(user.id) ?? "",
            questionId: "fx-netmode",
            revision: 1,
            kind: "grade",
            grade,
            stateBefore: "{}",
            stateAfter: "{}",
            durationMs: 1000 + Math.floor(random() * 20_000),
            isCorrect: isQuestion ? grade !== "again" && random() < 0.8 : null,
            misconception: isQuestion && grade === "again" ? (TAGS[Math.floor(random() * 3)] ?? null) : null,
            clientTime: at,
            serverTime: at,
          };
        }),
      );
      await db.prisma.review.createMany({ data: rows });
      // Undo one grade in seven of the learner's, the undo written later.
      const undos = rows
        .filter((r, i) => r.userId === me.id && i % 7 === 0)
        .map((r) => ({
          ...r,
          id: `u-${r.id}`,
          kind: "undo",
          grade: null,
          isCorrect: null,
          misconception: null,
          durationMs: 0,
          undoneReviewId: r.id,
          serverTime: new Date(r.serverTime.getTime() + 10_000),
        }));
      await db.prisma.review.createMany({ data: undos });

      // The JavaScript the SQL replaced: read every graded review back and bucket it.
      const graded = await db.prisma.review.findMany({
        where: { userId: me.id, kind: "grade", undoneBy: { is: null } },
        select: { serverTime: true, isCorrect: true, grade: true, durationMs: true, misconception: true },
      });
      const points = graded.map((r) => ({
        at: r.serverTime,
        isCorrect: r.isCorrect,
        grade: r.grade,
        durationMs: r.durationMs,
      }));
      const tags = new Map<string, number>();
      for (const r of graded)
        if (r.misconception) tags.set(r.misconception, (tags.get(r.misconception) ?? 0) + 1);

      const view = await loadProgress(db.prisma, me, now);
      expect(graded.length).toBe(rows.length / 2 - undos.length);
      expect(view.heatmap).toEqual(
        countByDay(
          points.map((p) => p.at),
          now,
          rule,
          365,
        ),
      );
      expect(view.trends).toEqual(weeklyTrends(points, now, rule, 12));
      expect(view.totals.reviews).toBe(graded.length);
      expect(view.totals.msStudied).toBe(graded.reduce((s, r) => s + r.durationMs, 0));
      expect(view.misconceptions).toEqual(
        topMisconceptions([...tags].map(([tag, count]) => ({ tag, count }))),
      );
      // The data are not trivially empty: most days carry reviews, and some fall outside the year.
      expect(view.heatmap.filter((d) => d.count > 0).length).toBeGreaterThan(300);
      expect(view.heatmap.reduce((s, d) => s + d.count, 0)).toBeLessThan(graded.length);
    },
  );
});
