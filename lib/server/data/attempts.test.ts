import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { runInLocale } from "@/lib/server/i18n/server-text";
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
import {
  finishOverdue,
  getResultView,
  getRunnerView,
  listMyAttempts,
  startAttempt,
  submitAttempt,
} from "./attempts";
import { classGradebook, csvCell, gradebookCsv } from "./gradebook";

let db: TestDatabase;
let teacher: ActingUser;
let learner: ActingUser;
let other: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

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

describe("starting", () => {
  it("50 concurrent starts make exactly one open attempt, and all resume it", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => startAttempt(db.prisma, learner, quizId, t0)),
    );
    expect(new Set(results.map((r) => r.attemptId)).size).toBe(1);
    expect(results.filter((r) => !r.resumed)).toHaveLength(1);
    expect(await db.prisma.quizAttempt.count({ where: { quizId, status: "open" } })).toBe(1);
  });

  it("refuses people off the roster and the instructor; honours the window and the attempt limit", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {
      opensAt: at(60),
      closesAt: at(3600),
      attemptsAllowed: 1,
    });
    expect(await reasonOf(startAttempt(db.prisma, other, quizId, at(120)))).toBe("not-found");
    expect(await reasonOf(startAttempt(db.prisma, teacher, quizId, at(120)))).toBe("not-found");
    expect(await reasonOf(startAttempt(db.prisma, learner, quizId, at(0)))).toBe("closed");
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, at(120));
    await submitAttempt(db.prisma, learner, attemptId, at(130));
    expect(await reasonOf(startAttempt(db.prisma, learner, quizId, at(140)))).toBe("limit");
    expect(await reasonOf(startAttempt(db.prisma, learner, quizId, at(3600)))).toBe("closed");
  });
});

describe("refusals", () => {
  // The learner reads these in the runner as they come: in the language of the request that
  // asked (the input guard and the autosave route set it), English outside one.
  it("are worded in the request's language", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], { opensAt: at(60) });
    const messageOf = (run: () => Promise<unknown>) =>
      run().then(
        () => "ok",
        (error: unknown) => (error instanceof AppError ? error.userMessage : String(error)),
      );
    expect(await messageOf(() => startAttempt(db.prisma, learner, quizId, at(0)))).toBe(
      "This quiz is not open yet.",
    );
    expect(
      await runInLocale("ko", () => messageOf(() => startAttempt(db.prisma, learner, quizId, at(0)))),
    ).toBe("이 퀴즈는 아직 열리지 않았습니다.");
  });
});

describe("autosave", () => {
  it("is idempotent per question: a replay or an older seq changes nothing", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const save = (seq: number, keys: string[], flagged = false) =>
      saveByKeys(
        db.prisma,
        learner,
        { attemptId, questionId: "qz-one", answer: choice(...keys), flagged, seq },
        at(1),
      );
    expect(await save(1, ["A"])).toEqual({ saved: true });
    expect(await save(2, ["B"], true)).toEqual({ saved: true });
    expect(await save(2, ["B"], true)).toEqual({ saved: false });
    expect(await save(1, ["A"])).toEqual({ saved: false });
    const rows = await db.prisma.attemptAnswer.findMany({ where: { attemptId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ answer: JSON.stringify(choice("B")), flagged: true, seq: 2 });
    const view = await getRunnerView(db.prisma, learner, attemptId, at(2));
    // The browser gets the answer back under the attempt's option ids; the row keeps bank keys.
    const idOfB = await optionIdOf(db.prisma, attemptId, "qz-one", "B");
    expect(idOfB).toMatch(/^[0-9a-f]{12}$/);
    expect(view?.items.find((i) => i.questionId === "qz-one")).toMatchObject({
      answer: choice(idOfB ?? ""),
      flagged: true,
    });
  });

  it("refuses another learner's attempt and questions outside the draw", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner, other]);
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const input = { attemptId, questionId: "qz-one", answer: choice("A"), flagged: false, seq: 1 };
    expect(await reasonOf(saveByKeys(db.prisma, other, input, t0))).toBe("not-found");
    expect(await reasonOf(saveByKeys(db.prisma, learner, { ...input, questionId: "nope" }, t0))).toBe(
      "invalid",
    );
    expect(await db.prisma.attemptAnswer.count()).toBe(0);
  });
});

describe("deadlines (clock injected)", () => {
  // Limit 10 minutes, quiz closes 30 minutes after t0: deadline t0 + 600 s.
  it.each([
    { label: "well before", second: 300, saved: true },
    { label: "at the deadline", second: 600, saved: true },
    { label: "inside the grace", second: 605, saved: true },
    { label: "just after the grace", second: 606, saved: false },
    { label: "an hour late", second: 3600, saved: false },
  ])("a save $label (t+$second s) saved=$saved", async ({ second, saved }) => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {
      timeLimitMinutes: 10,
      closesAt: at(1800),
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-one", answer: choice("B"), flagged: false, seq: 1 },
      at(10),
    );
    const late = saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-two", answer: { kind: "typed", text: "2049" }, flagged: false, seq: 1 },
      at(second),
    );
    expect(await reasonOf(late)).toBe(saved ? "ok" : "deadline");
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    if (!saved) {
      // Finished at the deadline, graded from what was saved (qz-one only).
      expect(attempt).toMatchObject({ status: "expired", correct: 1, total: 3, openKey: null });
      expect(attempt.finishedAt?.toISOString()).toBe(at(600).toISOString());
    } else expect(attempt.status).toBe("open");
  });

  it("the close date cuts a time limit short, and a late submit is refused but graded at the deadline", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {
      timeLimitMinutes: 60,
      closesAt: at(900),
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-one", answer: choice("B"), flagged: false, seq: 1 },
      at(5),
    );
    expect(await reasonOf(submitAttempt(db.prisma, learner, attemptId, at(906)))).toBe("deadline");
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.finishedAt?.toISOString()).toBe(at(900).toISOString());
    expect(attempt).toMatchObject({ status: "expired", correct: 1 });
  });

  it("an abandoned attempt is graded when it is next listed (and in the gradebook)", async () => {
    const { quizId, classId } = await seedClassQuiz(db.prisma, teacher, [learner], { timeLimitMinutes: 5 });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-three", answer: choice("A", "B"), flagged: false, seq: 1 },
      at(5),
    );
    expect(await finishOverdue(db.prisma, { quizId }, at(200))).toBe(0);
    const book = await classGradebook(db.prisma, teacher, classId, at(3600));
    expect(book.learners[0]?.cells[0]).toMatchObject({ best: 33.3, last: 33.3, attempts: 1, open: false });
    expect((await listMyAttempts(db.prisma, learner, quizId, at(3700)))[0]).toMatchObject({
      status: "expired",
    });
  });
});

describe("submitting", () => {
  it("a double submit counts once: the second (and a replay) get a conflict", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-one", answer: choice("B"), flagged: false, seq: 1 },
      at(1),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => reasonOf(submitAttempt(db.prisma, learner, attemptId, at(2)))),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "conflict")).toHaveLength(9);
    expect(await reasonOf(submitAttempt(db.prisma, learner, attemptId, at(60)))).toBe("conflict");
    expect(
      await reasonOf(
        saveByKeys(
          db.prisma,
          learner,
          { attemptId, questionId: "qz-two", answer: null, flagged: false, seq: 5 },
          at(61),
        ),
      ),
    ).toBe("conflict");
    const result = await getResultView(db.prisma, learner, attemptId, at(62));
    expect(result).toMatchObject({ correct: 1, total: 3, score: 33.3, passed: false });
    expect(result?.breakdown).toContainEqual({
      kind: "domain",
      group: "Design Secure Architectures",
      correct: 1,
      total: 3,
    });
    expect(result?.review?.[0]).toMatchObject({ isCorrect: true });
    expect(await reasonOf(getResultView(db.prisma, other, attemptId, at(62)))).toBe("not-found");
  });
});

describe("no key before review is allowed (SECURITY.md item 5)", () => {
  it("the runner view carries no marker, no correct flag, no explanation; results hide them until the close date", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {
      feedback: "after-close",
      closesAt: at(3600),
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const view = JSON.stringify(await getRunnerView(db.prisma, learner, attemptId, at(1)));
    for (const marker of LEAK_MARKERS.filter((m) => !m.startsWith("ZZKEY")))
      expect(view).not.toContain(marker);
    // Option text itself is shown (a key marker sits in an option's text), but never which one is right.
    expect(view).not.toMatch(/"correct"|rationale|explanation|accepted/i);
    await submitAttempt(db.prisma, learner, attemptId, at(10));
    const before = JSON.stringify(await getResultView(db.prisma, learner, attemptId, at(20)));
    for (const marker of LEAK_MARKERS.filter((m) => !m.startsWith("ZZKEY")))
      expect(before).not.toContain(marker);
    expect(before).toContain(`"review":null`);
    expect(before).not.toMatch(/"correct":(true|false)/);
    const after = JSON.stringify(await getResultView(db.prisma, learner, attemptId, at(3600)));
    expect(after).toContain("ZZEXPLMARK3");
    expect(after).toContain("ZZTYPEDMARK4");
  });
});

describe('"export my data" follows the results page\'s release rule (issue 21 item 2)', () => {
  it("after submitting an after-close quiz, the export says nothing about correctness or keys until it closes", async () => {
    const { exportOwnData } = await import("./user-export");
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {
      feedback: "after-close",
      closesAt: at(3600),
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const input = { attemptId, flagged: false, seq: 1 };
    await saveByKeys(db.prisma, learner, { ...input, questionId: "qz-one", answer: choice("B") }, at(1));
    await saveByKeys(
      db.prisma,
      learner,
      { ...input, questionId: "qz-three", answer: choice("A", "C") },
      at(2),
    );
    await submitAttempt(db.prisma, learner, attemptId, at(10));
    const result = await getResultView(db.prisma, learner, attemptId, at(20));
    expect(result?.reviewNote).toBe("after-close");

    type Exported = {
      answers: { questionId: string; answer: { keys?: string[] }; isCorrect: boolean | null }[];
    };
    const attemptsIn = async (now: Date) =>
      ((await exportOwnData(db.prisma, learner, now)) as { quizAttempts: Exported[] }).quizAttempts;
    const early = await attemptsIn(at(20));
    expect(early[0]?.answers.map((a) => a.isCorrect)).toEqual([null, null]);
    expect(JSON.stringify(early)).not.toMatch(/"isCorrect":(true|false)|"optionOrder"|"optionIds"/);
    // Options are named as the runner named them, not by bank keys.
    expect(early[0]?.answers[0]?.answer.keys).toEqual([
      await optionIdOf(db.prisma, attemptId, "qz-one", "B"),
    ]);

    const late = await attemptsIn(at(3600));
    expect(late[0]?.answers.map((a) => [a.questionId, a.isCorrect, a.answer.keys])).toEqual([
      ["qz-one", true, ["B"]],
      ["qz-three", false, ["A", "C"]],
    ]);
  });
});

describe("CSV", () => {
  it("escapes quotes and defuses formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell(72.5)).toBe('"72.5"');
    expect(csvCell(-0.33)).toBe('"-0.33"');
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(gradebookCsv({ quizzes: [{ id: "q", title: "+Q" }], learners: [] })).toBe(
      `"Name","Email","'+Q (best)","'+Q (last)"\r\n`,
    );
  });
});

describe("practice exams", () => {
  it("a learner's own exam draws N questions, scores 100–1000 with 720 to pass; nobody else can start it", async () => {
    const { createExam } = await import("./quizzes");
    const { quizId } = {
      quizId: (
        await createExam(db.prisma, learner, {
          title: "",
          topics: [],
          questionCount: 2,
          timeLimitMinutes: 130,
        })
      ).id,
    };
    expect(await reasonOf(startAttempt(db.prisma, other, quizId, t0))).toBe("not-found");
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.total).toBe(2);
    expect(attempt.deadline?.toISOString()).toBe(at(130 * 60).toISOString());
    await submitAttempt(db.prisma, learner, attemptId, at(60));
    const result = await getResultView(db.prisma, learner, attemptId, at(61));
    expect(result).toMatchObject({ mode: "exam", scaledScore: 100, passed: false });
  });
});
