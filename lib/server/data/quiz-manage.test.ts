import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteQuizCore, updateQuizCore } from "../actions/quiz-core";
import type { ActingUser } from "../auth/acting-user";
import { createPerson, loadQuizBank, saveByKeys, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt } from "./attempts";
import { getManagedQuiz } from "./quiz-manage";

// Managing a quiz: its instructor edits the settings; the questions lock at the first attempt so
// every grade stands on the same questions; deleting takes the attempts with it, after a
// confirmation that names how many.

let db: TestDatabase;
let teacher: ActingUser;
let rival: ActingUser;
let learner: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");

beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
  teacher = await createPerson(db.prisma, "teacher", true);
  rival = await createPerson(db.prisma, "rival", true);
  learner = await createPerson(db.prisma, "learner");
});
afterEach(async () => {
  await db.cleanup();
});

const ctx = (actor: ActingUser) => ({ actor, db: db.prisma });
function settings(quizId: string, fields: Record<string, string> = {}, questionIds = ["qz-one"]) {
  const data = new FormData();
  const all = {
    quizId,
    title: "Renamed quiz",
    selection: "fixed",
    timeLimitMinutes: "20",
    opensAt: "",
    closesAt: "2026-05-04T12:00",
    attemptsAllowed: "2",
    passMark: "80",
    feedback: "immediate",
    shuffleOptions: "on",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) data.set(k, v);
  for (const id of questionIds) data.append("questionId", id);
  return data;
}

describe("editing a quiz", () => {
  it("changes every setting and, before any attempt, the questions", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const result = await updateQuizCore(ctx(teacher), settings(quizId, {}, ["qz-two", "qz-one"]));
    expect(result).toMatchObject({ ok: true, quizId });
    const quiz = await db.prisma.quiz.findUniqueOrThrow({ where: { id: quizId } });
    expect(quiz).toMatchObject({
      title: "Renamed quiz",
      timeLimitMinutes: 20,
      attemptsAllowed: 2,
      passMark: 80,
      feedback: "immediate",
      shuffleOptions: true,
      shuffleQuestions: false,
      questionIds: JSON.stringify(["qz-two", "qz-one"]),
    });
    expect(quiz.closesAt?.toISOString()).toBe("2026-05-04T12:00:00.000Z");
  });

  it("after the first attempt the questions stay as they were; open attempts take the new deadline", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    expect((await getManagedQuiz(db.prisma, teacher, quizId))?.selectionLocked).toBe(true);
    const result = await updateQuizCore(
      ctx(teacher),
      settings(quizId, { timeLimitMinutes: "30" }, ["qz-two"]),
    );
    expect(result.ok).toBe(true);
    const quiz = await db.prisma.quiz.findUniqueOrThrow({ where: { id: quizId } });
    expect(quiz.questionIds).toBe(JSON.stringify(["qz-one", "qz-two", "qz-three"]));
    expect(quiz.title).toBe("Renamed quiz");
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    // Started at t0 with 30 minutes: 10:30, before the new close date of 12:00.
    expect(attempt.deadline?.toISOString()).toBe("2026-05-04T10:30:00.000Z");
  });

  it("names the field that is wrong and saves nothing", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const result = await updateQuizCore(
      ctx(teacher),
      settings(quizId, { passMark: "150", opensAt: "2026-05-04T13:00", title: " " }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.passMark).toEqual(["Pass mark: at most 100"]);
    expect(result.fieldErrors?.closesAt).toEqual(["Closes: must be after it opens"]);
    expect(result.fieldErrors?.title).toEqual(["Give the quiz a title"]);
    expect(result.formError).toBe("Check Quiz title, Pass mark, Closes.");
    expect((await db.prisma.quiz.findUniqueOrThrow({ where: { id: quizId } })).title).toBe("Fixture quiz");
  });

  it("refuses another instructor and learners, revealing nothing", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    for (const who of [rival, learner]) {
      const result = await updateQuizCore(ctx(who), settings(quizId));
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain("Fixture");
    }
    expect((await db.prisma.quiz.findUniqueOrThrow({ where: { id: quizId } })).title).toBe("Fixture quiz");
  });
});

describe("deleting a quiz", () => {
  const confirm = (quizId: string, attempts: number, confirmed = true) => {
    const data = new FormData();
    data.set("quizId", quizId);
    data.set("attempts", String(attempts));
    if (confirmed) data.set("confirm", "yes");
    return data;
  };

  it("needs the confirmation and the right count; then the attempts go with it", async () => {
    const { quizId, classId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-one", answer: { kind: "choice", keys: ["B"] }, flagged: false, seq: 1 },
      t0,
    );
    expect(await deleteQuizCore(ctx(teacher), confirm(quizId, 1, false))).toMatchObject({
      ok: false,
      formError: "Tick the box to confirm the deletion.",
    });
    expect(await deleteQuizCore(ctx(teacher), confirm(quizId, 0))).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(await deleteQuizCore(ctx(rival), confirm(quizId, 1))).toMatchObject({ ok: false });
    expect(await db.prisma.quiz.count()).toBe(1);
    expect(await deleteQuizCore(ctx(teacher), confirm(quizId, 1))).toEqual({
      ok: true,
      classId,
      attemptsDeleted: 1,
    });
    expect(await db.prisma.quiz.count()).toBe(0);
    expect(await db.prisma.quizAttempt.count()).toBe(0);
    expect(await db.prisma.attemptAnswer.count()).toBe(0);
  });
});
