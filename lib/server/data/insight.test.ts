import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GivenAnswer, parseBank, questionContentHash } from "@/lib/bank";
import { type ActingUser, ForbiddenError } from "../auth/acting-user";
import { answerRoute, csvDownload } from "../auth/route-answer";
import { syncBanks } from "../banks/sync-banks";
import { createPerson, QUIZ_BANK, saveByKeys } from "../testing/attempts-fixture";
import { STUDY_BANK } from "../testing/study-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt, submitAttempt } from "./attempts";
import { classHeatmap, learnerDrillDown } from "./insight";
import { heatmapCsv, heatmapCsvFor, itemStatsCsv, itemStatsCsvFor, reportsCsv } from "./insight-csv";
import { quizItemStats } from "./insight-items";
import { reportedQuestions } from "./insight-reports";
import { loadProgress } from "./progress";
import { recordGrade } from "./study-grading";

/** What the CSV routes answer: the text, or the refusal (route-answer.ts). */
const heatmapCsvResponse = (
  db: TestDatabase["prisma"],
  actor: ActingUser | null,
  classId: string,
  now: Date,
) =>
  answerRoute("text", async () =>
    csvDownload("class-heatmap.csv", await heatmapCsvFor(db, actor, classId, now)),
  );
const itemStatsCsvResponse = (
  db: TestDatabase["prisma"],
  actor: ActingUser | null,
  quizId: string,
  now: Date,
) =>
  answerRoute("text", async () =>
    csvDownload("question-statistics.csv", await itemStatsCsvFor(db, actor, quizId, now)),
  );

// Class insight on a real SQLite file: the study bank (flashcards, a single-choice question with
// misconception tags) and the quiz bank, a class of three learners, and a quiz they take.

let db: TestDatabase;
let teacher: ActingUser;
let rival: ActingUser;
let ann: ActingUser;
let bob: ActingUser;
let cat: ActingUser;
let outsider: ActingUser;
let classId: string;
let quizId: string;
const t0 = new Date("2026-05-04T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function loadBanks() {
  const banks = [
    { text: STUDY_BANK, file: "content/study-fixture.md" },
    { text: QUIZ_BANK, file: "content/quiz-fixture.md" },
  ].map(({ text, file }) => {
    const { bank } = parseBank(text, { file });
    if (!bank) throw new Error(`${file} does not parse`);
    return bank;
  });
  await syncBanks(
    db.prisma,
    {
      banks: banks.map((bank) => ({
        bank,
        sourceHash: bank.meta.id,
        contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
      })),
      skipped: [],
      presentFiles: banks.map((b) => b.file),
    },
    new Date("2026-01-01T00:00:00Z"),
  );
}

beforeEach(async () => {
  db = createTestDatabase();
  await loadBanks();
  teacher = await createPerson(db.prisma, "teacher", true);
  rival = await createPerson(db.prisma, "rival", true);
  ann = await createPerson(db.prisma, "ann");
  bob = await createPerson(db.prisma, "bob");
  cat = await createPerson(db.prisma, "cat");
  outsider = await createPerson(db.prisma, "outsider");
  const klass = await db.prisma.class.create({
    data: { ownerId: teacher.id, name: "Insight class", joinCode: "INSIGHT1" },
  });
  classId = klass.id;
  for (const l of [ann, bob, cat]) await db.prisma.classMember.create({ data: { classId, userId: l.id } });
  const quiz = await db.prisma.quiz.create({
    data: {
      ownerId: teacher.id,
      classId,
      title: "Networking check",
      selection: "fixed",
      questionIds: JSON.stringify(["fx-netmode", "qz-two", "qz-three"]),
      attemptsAllowed: 2,
    },
  });
  quizId = quiz.id;
});
afterEach(async () => {
  await db.cleanup();
});

const refused = async (run: Promise<unknown>) => {
  try {
    await run;
    return false;
  } catch (error) {
    if (error instanceof ForbiddenError) return true;
    throw error;
  }
};

/** A learner takes the quiz: fx-netmode (A bridge, B awsvpc, C host), qz-two typed, qz-three multiple (A, B). */
async function take(learner: ActingUser, answers: Record<string, GivenAnswer | null>, minute: number) {
  const { attemptId } = await startAttempt(db.prisma, learner, quizId, at(minute));
  let seq = 1;
  for (const [questionId, answer] of Object.entries(answers))
    if (answer)
      await saveByKeys(
        db.prisma,
        learner,
        { attemptId, questionId, answer, flagged: false, seq: seq++ },
        at(minute),
      );
  await submitAttempt(db.prisma, learner, attemptId, at(minute + 1));
  return attemptId;
}
const choice = (...keys: string[]) => ({ kind: "choice" as const, keys });

describe("class heatmap", () => {
  it("shows every learner on the roster × topic, with the learner dashboard's own mastery numbers", async () => {
    const grade = (questionId: string, minute: number) =>
      recordGrade(
        db.prisma,
        ann,
        {
          reviewId: randomUUID(),
          ref: { questionId, side: "" },
          grade: "good",
          durationMs: 3000,
          clientTime: at(minute).toISOString(),
        },
        at(minute),
      );
    await grade("fx-task-role", 0);
    await grade("fx-task-role", 1);
    const later = at(60 * 24 * 3);
    const map = await classHeatmap(db.prisma, teacher, classId, later);
    expect(map.learners.map((l) => l.name)).toEqual(["Person ann", "Person bob", "Person cat"]);
    expect(map.topics.map((t) => t.key)).toEqual(["launch-types", "quiz-topic"]);
    const cell = map.learners[0]?.cells[0];
    const own = (await loadProgress(db.prisma, ann, later)).byTopic.find((r) => r.key === "launch-types");
    expect(cell).toEqual({
      cards: own?.cards,
      studied: own?.studied,
      meanRecall: own?.meanRecall,
      matureShare: own?.matureShare,
    });
    // One of the four launch-types cards studied (netmode, the task-role card, the cloze's two gaps).
    expect(cell?.studied).toBe(1);
    expect(cell?.cards).toBe(4);
    expect(cell?.meanRecall).toBeGreaterThan(0);
    // Bob never studied: his cells are there, and empty.
    expect(map.learners[1]?.cells).toEqual([
      { cards: 4, studied: 0, meanRecall: 0, matureShare: 0 },
      { cards: 3, studied: 0, meanRecall: 0, matureShare: 0 },
    ]);
    const csv = heatmapCsv(map);
    expect(csv.split("\r\n")[0]).toBe(
      '"Learner","Email","Topic","Cards","Studied","Mean recall today (%)","Interval >= 21 days (%)"',
    );
    expect(csv).toContain(
      `"Person ann","ann@example.test","Launch types",4,1,${Number(((own?.meanRecall ?? 0) * 100).toFixed(1))},0\r\n`,
    );
    expect(csv).toContain('"Person bob","bob@example.test","Quiz topic",3,0,0,0');
  });

  it("is refused to another instructor and to learners, including those on the roster", async () => {
    expect(await refused(classHeatmap(db.prisma, rival, classId, t0))).toBe(true);
    expect(await refused(classHeatmap(db.prisma, ann, classId, t0))).toBe(true);
    const none = await heatmapCsvResponse(db.prisma, null, classId, t0);
    expect(none.status).toBe(401);
    const other = await heatmapCsvResponse(db.prisma, rival, classId, t0);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Person ann");
    const mine = await heatmapCsvResponse(db.prisma, teacher, classId, t0);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await mine.text()).toContain("Person cat");
  });
});

describe("learner drill-down", () => {
  it("opens the learner's own dashboard and their attempts, for the class's owner only", async () => {
    await recordGrade(
      db.prisma,
      ann,
      {
        reviewId: randomUUID(),
        ref: { questionId: "fx-task-role", side: "" },
        grade: "good",
        durationMs: 2000,
        clientTime: t0.toISOString(),
      },
      t0,
    );
    await take(ann, { "fx-netmode": choice("B"), "qz-two": { kind: "typed", text: "2049" } }, 5);
    const view = await learnerDrillDown(db.prisma, teacher, classId, ann.id, at(10));
    expect(view.learner).toEqual({ id: "ann", name: "Person ann", email: "ann@example.test" });
    expect(view.progress.totals.reviews).toBe(1);
    expect(view.progress).toEqual(await loadProgress(db.prisma, ann, at(10)));
    expect(view.attempts).toMatchObject([
      { quizTitle: "Networking check", status: "submitted", passed: false },
    ]);
    expect(view.attempts[0]?.score).toBeCloseTo(66.7, 1);

    expect(await refused(learnerDrillDown(db.prisma, rival, classId, ann.id, t0))).toBe(true);
    expect(await refused(learnerDrillDown(db.prisma, ann, classId, ann.id, t0))).toBe(true);
    expect(await refused(learnerDrillDown(db.prisma, bob, classId, ann.id, t0))).toBe(true);
    // Off this class's roster: refused even to its owner, even when they teach the learner elsewhere.
    expect(await refused(learnerDrillDown(db.prisma, teacher, classId, outsider.id, t0))).toBe(true);
    const elsewhere = await db.prisma.class.create({
      data: { ownerId: teacher.id, name: "Other class", joinCode: "INSIGHT2" },
    });
    await db.prisma.classMember.create({ data: { classId: elsewhere.id, userId: outsider.id } });
    expect(await refused(learnerDrillDown(db.prisma, teacher, classId, outsider.id, t0))).toBe(true);
    expect((await learnerDrillDown(db.prisma, teacher, elsewhere.id, outsider.id, t0)).learner.id).toBe(
      "outsider",
    );
  });
});

describe("quiz question statistics", () => {
  it("counts each learner's first finished attempt: facility, discrimination, distractors with tags", async () => {
    // ann: netmode B (right), typed right, multiple A+B (right) → 3/3
    // bob: netmode A (bridge), typed right, multiple A only (wrong) → 1/3
    // cat: netmode C (host), no typed answer, multiple A+B (right) → 1/3; then a second attempt, all right, ignored.
    await take(
      ann,
      { "fx-netmode": choice("B"), "qz-two": { kind: "typed", text: "2049" }, "qz-three": choice("A", "B") },
      0,
    );
    await take(
      bob,
      { "fx-netmode": choice("A"), "qz-two": { kind: "typed", text: "2049" }, "qz-three": choice("A") },
      2,
    );
    await take(cat, { "fx-netmode": choice("C"), "qz-two": null, "qz-three": choice("A", "B") }, 4);
    await take(
      cat,
      { "fx-netmode": choice("B"), "qz-two": { kind: "typed", text: "2049" }, "qz-three": choice("A", "B") },
      6,
    );

    const view = await quizItemStats(db.prisma, teacher, quizId, at(20));
    expect(view.learners).toBe(3);
    expect(view.questions.map((q) => q.questionId)).toEqual(["fx-netmode", "qz-two", "qz-three"]);
    const [netmode, typed, multiple] = view.questions;
    // Facility: netmode 1/3, typed 2/3 (cat omitted), multiple 2/3.
    expect(netmode?.facility).toBeCloseTo(1 / 3, 10);
    expect(typed).toMatchObject({ n: 3, correct: 2, omitted: 1, options: [] });
    expect(multiple?.facility).toBeCloseTo(2 / 3, 10);
    // n = 3 → groups of round(0.81) = 1. Scores: ann 3/3, bob 1/3, cat 1/3 (tied for the lower place, ½ each).
    // netmode: upper ann right (1); lower bob, cat both wrong (0) → D = 1.
    // multiple: upper 1; lower ½ × 0 (bob) + ½ × 1 (cat) = ½ → D = ½.
    expect(netmode?.discrimination).toBeCloseTo(1, 10);
    expect(multiple?.discrimination).toBeCloseTo(0.5, 10);
    expect(netmode?.isReliable).toBe(false);
    expect(netmode?.flags).toEqual([]);
    expect(netmode?.options.map((o) => [o.key, o.label, o.isCorrect, o.misconception, o.count])).toEqual([
      ["A", "bridge", false, "bridge-on-fargate", 1],
      ["B", "awsvpc", true, null, 1],
      ["C", "host", false, "host-on-fargate", 1],
    ]);
    expect(multiple?.options.map((o) => o.count)).toEqual([3, 2, 0]);

    const csv = itemStatsCsv(view);
    expect(csv).toContain(
      '"fx-netmode","Which network mode must a Fargate task use?","launch-types","single",3,1,0,0.333,1,',
    );
    expect(csv).toContain('"A","bridge","no","bridge-on-fargate",1,0.333,0,0.5');
    expect(csv).toContain('"qz-two","Which port does NFS use?","quiz-topic","typed",3,2,1,0.667');
  });

  it("is refused to another instructor and to the quiz's learners", async () => {
    expect(await refused(quizItemStats(db.prisma, rival, quizId, t0))).toBe(true);
    expect(await refused(quizItemStats(db.prisma, ann, quizId, t0))).toBe(true);
    expect((await itemStatsCsvResponse(db.prisma, rival, quizId, t0)).status).toBe(404);
    expect((await itemStatsCsvResponse(db.prisma, ann, quizId, t0)).status).toBe(404);
    expect((await itemStatsCsvResponse(db.prisma, teacher, quizId, t0)).status).toBe(200);
  });
});

describe("reported questions", () => {
  it("lists open reports on the questions the instructor's quizzes use, most reported first, anonymously", async () => {
    const report = (userId: string, questionId: string, reason: string, message: string, resolved = false) =>
      db.prisma.questionReport.create({
        data: { userId, questionId, reason, message, resolvedAt: resolved ? t0 : null },
      });
    await report("ann", "fx-netmode", "wrong-answer", '=HYPERLINK("http://evil")');
    await report("bob", "fx-netmode", "wrong-answer", "awsvpc is right, the key says so");
    await report("cat", "fx-netmode", "unclear", "Which platform version?");
    await report("ann", "qz-two", "typo", "Port, not prot", true);
    await report("outsider", "qz-three", "outdated", "Lambda is not a launch type");
    // A question no quiz of the teacher uses.
    await report("ann", "fx-task-role", "other", "Not used by the quiz");

    const list = await reportedQuestions(db.prisma, teacher);
    expect(list.map((q) => [q.questionId, q.count])).toEqual([
      ["fx-netmode", 3],
      ["qz-three", 1],
    ]);
    expect(list[0]?.reasons).toEqual([
      { reason: "wrong-answer", count: 2 },
      { reason: "unclear", count: 1 },
    ]);
    expect(JSON.stringify(list)).not.toMatch(/ann|bob|outsider@/);
    expect(await reportedQuestions(db.prisma, rival)).toEqual([]);
    await expect(reportedQuestions(db.prisma, ann)).rejects.toBeInstanceOf(ForbiddenError);

    const csv = reportsCsv(list);
    // Formula-starting text is defused and quoted; embedded quotes are doubled.
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(csv).not.toContain("Port, not prot");
  });
});
