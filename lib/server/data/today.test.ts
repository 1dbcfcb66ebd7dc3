import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActingUser } from "../auth/acting-user";
import { createPerson, loadQuizBank, saveByKeys, seedClassQuiz } from "../testing/attempts-fixture";
import { createLearner, loadStudyBank } from "../testing/study-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt, submitAttempt } from "./attempts";
import { saveExamDate } from "./progress-exam";
import { createExam } from "./quizzes";
import { recordGrade } from "./study-grading";
import { learnerQuizList, loadToday } from "./today";

// Today (issue 16): the signed-in home's numbers come from the same study, progress and quiz data
// as the pages they lead to, for the acting learner only.

let db: TestDatabase;
const t0 = new Date("2026-03-02T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

const flash = (grade: "again" | "good") => ({
  reviewId: randomUUID(),
  ref: { questionId: "fx-task-role", side: "" },
  grade,
  durationMs: 3000,
  clientTime: t0.toISOString(),
});

describe("loadToday: study", () => {
  beforeEach(async () => {
    await loadStudyBank(db.prisma);
  });

  it("a new learner has every card new today, nothing due and no next review", async () => {
    const me = await createLearner(db.prisma, "fresh");
    const today = await loadToday(db.prisma, me, t0);
    expect(today).toMatchObject({
      dueNow: 0,
      newToday: 4,
      nextDueAt: null,
      exam: null,
      openAttempts: [],
      classQuizzes: [],
      timeZone: "UTC",
    });
  });

  it("counts the learner's own cards: new ones started leave today's count, a learning card falls due", async () => {
    const me = await createLearner(db.prisma, "me");
    const other = await createLearner(db.prisma, "other");
    await recordGrade(db.prisma, me, flash("again"), t0);
    const graded = await db.prisma.studyCard.findFirstOrThrow({ where: { userId: me.id } });

    const soon = await loadToday(db.prisma, me, minutes(0.5));
    expect(soon.dueNow).toBe(0);
    expect(soon.newToday).toBe(3);
    expect(soon.nextDueAt).toBe(graded.due.toISOString());
    expect(graded.due.getTime()).toBeGreaterThan(minutes(0.5).getTime());

    const later = await loadToday(db.prisma, me, new Date(graded.due.getTime() + 1000));
    expect(later.dueNow).toBe(1);
    expect(later.nextDueAt).toBeNull();

    // Another learner's day is untouched by mine.
    expect(await loadToday(db.prisma, other, minutes(30))).toMatchObject({ dueNow: 0, newToday: 4 });
  });

  it("counts down to the exam date and gives the readiness estimate, only while the date lies ahead", async () => {
    const me = await createLearner(db.prisma, "exam");
    await recordGrade(db.prisma, me, flash("good"), t0);
    await saveExamDate(db.prisma, me, new Date("2026-04-01T12:00:00Z"));
    const today = await loadToday(db.prisma, me, minutes(1));
    expect(today.exam).not.toBeNull();
    expect(today.exam?.examDate).toBe("2026-04-01T12:00:00.000Z");
    expect(today.exam?.daysLeft).toBe(30);
    expect(today.exam?.estimate).toBeGreaterThanOrEqual(0);
    expect(today.exam?.estimate).toBeLessThanOrEqual(1);
    expect(today.exam?.low).toBeLessThanOrEqual(today.exam?.high ?? -1);
    expect((await loadToday(db.prisma, me, new Date("2026-04-02T00:00:00Z"))).exam).toBeNull();
  });
});

describe("learnerQuizList and loadToday: quizzes", () => {
  let teacher: ActingUser;
  let learner: ActingUser;
  beforeEach(async () => {
    await loadQuizBank(db.prisma);
    teacher = await createPerson(db.prisma, "teacher", true);
    learner = await createPerson(db.prisma, "learner");
  });

  it("says not started, in progress with the deadline, then submitted with the score and date", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], { timeLimitMinutes: 20 });
    const status = async (at: Date) => (await learnerQuizList(db.prisma, learner, at))[0]?.status;
    expect(await status(t0)).toEqual({ kind: "not-started" });
    const before = await loadToday(db.prisma, learner, t0);
    expect(before.classQuizzes.map((q) => [q.title, q.className])).toEqual([
      ["Fixture quiz", "Fixture class"],
    ]);
    expect(before.openAttempts).toEqual([]);

    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    expect(await status(minutes(1))).toEqual({
      kind: "in-progress",
      attemptId,
      deadline: minutes(20).toISOString(),
    });
    const during = await loadToday(db.prisma, learner, minutes(1));
    expect(during.openAttempts.map((q) => q.id)).toEqual([quizId]);
    expect(during.classQuizzes).toEqual([]);

    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-one", answer: { kind: "choice", keys: ["B"] }, flagged: false, seq: 1 },
      minutes(2),
    );
    await submitAttempt(db.prisma, learner, attemptId, minutes(3));
    expect(await status(minutes(4))).toMatchObject({
      kind: "submitted",
      attemptId,
      finishedAt: minutes(3).toISOString(),
      isExpired: false,
      attemptsUsed: 1,
      canRetry: true,
    });
    const submitted = await status(minutes(4));
    expect(submitted?.kind === "submitted" ? submitted.score : null).toBeCloseTo(100 / 3, 1);
    const after = await loadToday(db.prisma, learner, minutes(4));
    expect(after.openAttempts).toEqual([]);
    expect(after.classQuizzes).toEqual([]);
  });

  it("ends an attempt whose time ran out instead of calling it in progress", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], { timeLimitMinutes: 5 });
    await startAttempt(db.prisma, learner, quizId, t0);
    const [row] = await learnerQuizList(db.prisma, learner, minutes(30));
    expect(row?.status).toMatchObject({ kind: "submitted", isExpired: true, score: 0 });
  });

  it("says when a quiz opens or that it closed, and lists only the learner's own classes", async () => {
    await seedClassQuiz(db.prisma, teacher, [learner], { opensAt: minutes(60) });
    await seedClassQuiz(db.prisma, teacher, [], {});
    const rows = await learnerQuizList(db.prisma, learner, t0);
    expect(rows.map((r) => r.status)).toEqual([{ kind: "not-open-yet", opensAt: minutes(60).toISOString() }]);
    const closed = await learnerQuizList(db.prisma, learner, minutes(60));
    expect(closed[0]?.status).toEqual({ kind: "not-started" });
    await db.prisma.quiz.updateMany({ data: { closesAt: minutes(90) } });
    expect((await learnerQuizList(db.prisma, learner, minutes(91)))[0]?.status).toEqual({ kind: "closed" });
  });

  it("never lists two rows that read the same: the class, then the day made, then a number", async () => {
    const first = await seedClassQuiz(db.prisma, teacher, [learner]);
    await seedClassQuiz(db.prisma, teacher, [learner]);
    await db.prisma.class.update({ where: { id: first.classId }, data: { name: "Morning class" } });
    const exam = { title: "", topics: [], questionCount: 3, timeLimitMinutes: 10 };
    const a = await createExam(db.prisma, learner, exam);
    const b = await createExam(db.prisma, learner, exam);
    const c = await createExam(db.prisma, learner, exam);
    await db.prisma.quiz.update({
      where: { id: a.id },
      data: { createdAt: new Date("2026-03-01T09:00:00Z") },
    });
    await db.prisma.quiz.updateMany({
      where: { id: { in: [b.id, c.id] } },
      data: { createdAt: new Date("2026-03-02T08:30:00Z") },
    });

    const rows = await learnerQuizList(db.prisma, learner, t0);
    const read = rows.map((r) => `${r.title} · ${r.distinguisher ?? ""}`);
    expect(new Set(read).size).toBe(rows.length);
    expect(read).toContain("Fixture quiz · Morning class");
    expect(read).toContain("Fixture quiz · Fixture class");
    expect(read).toContain("Practice exam (3 questions) · your practice exam, made Mar 1, 2026, 9:00 AM");
    expect(read.filter((r) => r.includes("made Mar 2, 2026, 8:30 AM")).sort()).toEqual([
      "Practice exam (3 questions) · your practice exam, made Mar 2, 2026, 8:30 AM (1)",
      "Practice exam (3 questions) · your practice exam, made Mar 2, 2026, 8:30 AM (2)",
    ]);
  });

  it("leaves a title alone when no other row shares it", async () => {
    await seedClassQuiz(db.prisma, teacher, [learner]);
    const [row] = await learnerQuizList(db.prisma, learner, t0);
    expect(row).toMatchObject({ title: "Fixture quiz", distinguisher: null, className: "Fixture class" });
  });
});
