import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "../auth/acting-user";
import {
  createPerson,
  LEAK_MARKERS,
  loadQuizBank,
  optionIdOf,
  saveByKeys,
  seedClassQuiz,
} from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { checkQuestion } from "./attempt-check";
import { getResultView, getRunnerView, startAttempt, submitAttempt } from "./attempts";
import { createExam } from "./quizzes";

// Immediate feedback: a checked answer is locked by the server, and only a checked question's
// key, rationales and explanation ever reach the learner while the attempt is open.

let db: TestDatabase;
let teacher: ActingUser;
let learner: ActingUser;
let other: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const choice = (...keys: string[]) => ({ kind: "choice" as const, keys });
const reasonOf = async (run: Promise<unknown>) => {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};
/** The markers that sit in keys, rationales and explanations (the ZZKEY ones sit in option text). */
const HIDDEN = LEAK_MARKERS.filter((m) => !m.startsWith("ZZKEY"));

beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
  teacher = await createPerson(db.prisma, "teacher", true);
  learner = await createPerson(db.prisma, "learner");
  other = await createPerson(db.prisma, "other");
});
afterEach(async () => {
  await db.cleanup();
});

async function immediateAttempt() {
  const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner, other], { feedback: "immediate" });
  const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
  return { quizId, attemptId };
}
const save = (attemptId: string, questionId: string, answer: unknown, seq: number, flagged = false) =>
  saveByKeys(
    db.prisma,
    learner,
    // biome-ignore lint/suspicious/noExplicitAny: each test passes a well-formed answer of its kind
    { attemptId, questionId, answer: answer as any, flagged, seq },
    at(seq),
  );

describe("checking one answer (feedback: immediately)", () => {
  it("sends nothing for unchecked questions, and a question's key only after its check", async () => {
    const { attemptId } = await immediateAttempt();
    const before = await getRunnerView(db.prisma, learner, attemptId, at(1));
    expect(before?.canCheck).toBe(true);
    const beforeText = JSON.stringify(before);
    for (const marker of HIDDEN) expect(beforeText).not.toContain(marker);
    expect(beforeText).not.toMatch(/"correct"|rationale|explanation|accepted/i);

    await save(attemptId, "qz-one", choice("B"), 2);
    await save(attemptId, "qz-two", { kind: "typed", text: "80" }, 3);
    const feedback = await checkQuestion(db.prisma, learner, { attemptId, questionId: "qz-one" }, at(4));
    // The runner knows the options by the attempt's ids, so the review speaks them too.
    const idOfB = (await optionIdOf(db.prisma, attemptId, "qz-one", "B")) ?? "";
    expect(feedback).toMatchObject({ questionId: "qz-one", isCorrect: true, answer: choice(idOfB) });
    expect(feedback.explanationHtml).toContain("ZZEXPLMARK3");
    expect(JSON.stringify(feedback)).toContain("ZZWHYMARK2");
    expect(feedback.options.find((o) => o.correct)?.key).toBe(idOfB);

    const after = await getRunnerView(db.prisma, learner, attemptId, at(5));
    const one = after?.items.find((i) => i.questionId === "qz-one");
    const rest = after?.items.filter((i) => i.questionId !== "qz-one") ?? [];
    expect(one?.feedback?.explanationHtml).toContain("ZZEXPLMARK3");
    expect(rest.map((i) => i.feedback)).toEqual([null, null]);
    // qz-two was answered but not checked: its accepted answers stay on the server.
    expect(JSON.stringify(rest)).not.toMatch(/ZZTYPEDMARK4|"correct"|explanation|accepted/);
    expect(JSON.stringify(after)).not.toContain("ZZTYPEDMARK4");
  });

  it("locks the checked answer on the server; the flag may still change; the score counts it", async () => {
    const { attemptId } = await immediateAttempt();
    await save(attemptId, "qz-one", choice("A"), 1);
    expect(
      (await checkQuestion(db.prisma, learner, { attemptId, questionId: "qz-one" }, at(2))).isCorrect,
    ).toBe(false);
    expect(await reasonOf(save(attemptId, "qz-one", choice("B"), 3))).toBe("locked");
    expect(await save(attemptId, "qz-one", choice("A"), 4, true)).toEqual({ saved: true });
    const row = await db.prisma.attemptAnswer.findUniqueOrThrow({
      where: { attemptId_questionId: { attemptId, questionId: "qz-one" } },
    });
    expect(row).toMatchObject({ answer: JSON.stringify(choice("A")), flagged: true, isCorrect: false });
    expect(row.checkedAt?.toISOString()).toBe(at(2).toISOString());
    // Checking again returns the same review and changes nothing.
    expect(
      (await checkQuestion(db.prisma, learner, { attemptId, questionId: "qz-one" }, at(9))).answer,
    ).toEqual(choice((await optionIdOf(db.prisma, attemptId, "qz-one", "A")) ?? ""));
    await save(attemptId, "qz-three", choice("A", "B"), 5);
    await submitAttempt(db.prisma, learner, attemptId, at(10));
    expect(await getResultView(db.prisma, learner, attemptId, at(11))).toMatchObject({
      correct: 1,
      total: 3,
    });
  });

  it("a save racing a check: the answer locked is the one the review shows", async () => {
    const { attemptId } = await immediateAttempt();
    await save(attemptId, "qz-one", choice("A"), 1);
    const [saved, checked] = await Promise.allSettled([
      save(attemptId, "qz-one", choice("B"), 2),
      checkQuestion(db.prisma, learner, { attemptId, questionId: "qz-one" }, at(2)),
    ]);
    expect(checked.status).toBe("fulfilled");
    const row = await db.prisma.attemptAnswer.findUniqueOrThrow({
      where: { attemptId_questionId: { attemptId, questionId: "qz-one" } },
    });
    const stored = JSON.parse(row.answer ?? "null") as { keys: string[] };
    const storedAsIds = await Promise.all(
      stored.keys.map((k) => optionIdOf(db.prisma, attemptId, "qz-one", k)),
    );
    if (checked.status === "fulfilled")
      expect(checked.value.answer).toEqual(choice(...storedAsIds.map(String)));
    if (saved.status === "rejected") expect(saved.reason).toBeInstanceOf(AppError);
    expect(row.checkedAt).not.toBeNull();
  });

  it("refuses: an unanswered question, another learner, other feedback rules, exams, finished attempts", async () => {
    const { attemptId } = await immediateAttempt();
    const input = { attemptId, questionId: "qz-two" };
    expect(await reasonOf(checkQuestion(db.prisma, learner, input, at(1)))).toBe("invalid");
    await save(attemptId, "qz-two", { kind: "typed", text: "  " }, 1);
    expect(await reasonOf(checkQuestion(db.prisma, learner, input, at(2)))).toBe("invalid");
    await save(attemptId, "qz-two", { kind: "typed", text: "2049" }, 2);
    expect(await reasonOf(checkQuestion(db.prisma, other, input, at(3)))).toBe("not-found");
    expect(await reasonOf(checkQuestion(db.prisma, learner, { attemptId, questionId: "nope" }, at(3)))).toBe(
      "invalid",
    );

    const later = await seedClassQuiz(db.prisma, teacher, [learner], { feedback: "after-submit" });
    const lateAttempt = (await startAttempt(db.prisma, learner, later.quizId, t0)).attemptId;
    await save(lateAttempt, "qz-one", choice("B"), 1);
    expect(
      await reasonOf(
        checkQuestion(db.prisma, learner, { attemptId: lateAttempt, questionId: "qz-one" }, at(2)),
      ),
    ).toBe("invalid");
    expect((await getRunnerView(db.prisma, learner, lateAttempt, at(2)))?.canCheck).toBe(false);

    const exam = await createExam(db.prisma, learner, {
      title: "",
      topics: [],
      questionCount: 3,
      timeLimitMinutes: 10,
    });
    await db.prisma.quiz.update({ where: { id: exam.id }, data: { feedback: "immediate" } });
    const examAttempt = await startAttempt(db.prisma, learner, exam.id, t0);
    await save(examAttempt.attemptId, "qz-one", choice("B"), 1);
    expect(
      await reasonOf(
        checkQuestion(db.prisma, learner, { attemptId: examAttempt.attemptId, questionId: "qz-one" }, at(2)),
      ),
    ).toBe("invalid");

    await submitAttempt(db.prisma, learner, attemptId, at(5));
    expect(await reasonOf(checkQuestion(db.prisma, learner, input, at(6)))).toBe("conflict");
  });
});
