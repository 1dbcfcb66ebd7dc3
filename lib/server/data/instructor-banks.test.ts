import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBank, parseBank, questionContentHash } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import { taskListBank } from "@/lib/testing/task-list-bank";
import type { ActingUser } from "../auth/acting-user";
import { syncBanks } from "../banks/sync-banks";
import { createPerson, loadQuizBank, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { startAttempt } from "./attempts";
import {
  deleteInstructorBank,
  replaceInstructorBank,
  setBankVisibility,
  uploadInstructorBank,
} from "./instructor-banks";
import { cardTotalsByTopic } from "./progress";
import { builderChoices } from "./quizzes";
import { studyCatalog } from "./study-catalog";
import { recordGrade, reportQuestion, setSuspended } from "./study-grading";
import { loadStudyQueue } from "./study-queue";
import { listTopics } from "./topics";
import { exportOwnData } from "./user-export";

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
});
afterEach(async () => {
  await db.cleanup();
});

const GOOD = `---
id: my-bank
title: My bank
topic: my-topic
---

## Private question {#my-q}

kind: single · difficulty: 2

Which one?

- [x] This one
- [ ] That one
`;

describe("instructors' own banks", () => {
  it("a bank with errors reports lines and saves nothing", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const broken = GOOD.replace("- [x] This one", "- [ ] This one").replace("kind: single", "kind: sinlge");
    const before = await db.prisma.question.count();
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text: broken, fileName: "b.md", format: "gfm" },
      now,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.findings.length).toBeGreaterThan(0);
      expect(outcome.findings.every((f) => f.line >= 1)).toBe(true);
      expect(outcome.findings.some((f) => f.line === 9)).toBe(true);
    }
    expect(await db.prisma.question.count()).toBe(before);
    expect(await db.prisma.bank.count()).toBe(1);
  });

  it("a good bank is saved under a prefix, offered only to its owner, never in study", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const rival = await createPerson(db.prisma, "t2", true);
    const learner = await createPerson(db.prisma, "l1");
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text: GOOD, fileName: "b.md", format: "gfm" },
      now,
    );
    expect(outcome).toMatchObject({ ok: true, questions: 1 });
    const mine = (await builderChoices(db.prisma, teacher)).questions.map((q) => q.id);
    const privateId = mine.find((id) => id.endsWith(".my-q"));
    expect(privateId).toBeDefined();
    expect((await builderChoices(db.prisma, rival)).questions.map((q) => q.id)).not.toContain(privateId);
    const queue = await loadStudyQueue(db.prisma, learner, { topics: [], tags: [], banks: [] }, now);
    expect(queue.items.map((i) => i.ref.questionId)).not.toContain(privateId);
    // The owner's quiz can draw it; a learner of the class gets it in their attempt.
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify([privateId]) },
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, now);
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.items).toContain(String(privateId));
  });
});

const md = (text: string) => ({ text, fileName: "b.md", format: "gfm" as const });
const studyIds = async (learner: ActingUser) =>
  (
    await loadStudyQueue(db.prisma, learner, { topics: [], tags: [], banks: [] }, now, { mode: "cram" })
  ).items.map((i) => i.ref.questionId);
const builderIds = async (who: ActingUser) =>
  (await builderChoices(db.prisma, who)).questions.map((q) => q.id);
async function upload(owner: ActingUser, text = GOOD) {
  const outcome = await uploadInstructorBank(db.prisma, owner, md(text), now);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
  const questionId = (await db.prisma.question.findFirstOrThrow({ where: { bankId: outcome.bankId } })).id;
  return { bankId: outcome.bankId, questionId };
}

describe("bank visibility", () => {
  it("private: only the owner's builder; published: every builder and learners' study; unpublished: private again", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const rival = await createPerson(db.prisma, "t2", true);
    const learner = await createPerson(db.prisma, "l1");
    const { bankId, questionId } = await upload(teacher);
    expect((await db.prisma.bank.findUniqueOrThrow({ where: { id: bankId } })).visibility).toBe("private");
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: questionId } })).retiredAt).toBeNull();
    const catalogBanks = async () => (await studyCatalog(db.prisma)).banks.map((b) => b.id);
    const topicNames = async () => (await listTopics(db.prisma)).map((t) => t.topic);
    // Mastery's denominators (dashboard and class heatmap) count only what a learner may study.
    const cardTotal = async () => (await cardTotalsByTopic(db.prisma)).get("my-topic") ?? 0;

    expect(await builderIds(teacher)).toContain(questionId);
    expect(await builderIds(rival)).not.toContain(questionId);
    expect(await studyIds(learner)).not.toContain(questionId);
    expect(await catalogBanks()).not.toContain(bankId);
    expect(await topicNames()).not.toContain("my-topic");
    expect(await cardTotal()).toBe(0);
    // Asking study for the private bank by id gives nothing either.
    const byBank = await loadStudyQueue(db.prisma, learner, { topics: [], tags: [], banks: [bankId] }, now, {
      mode: "cram",
    });
    expect(byBank.items).toEqual([]);

    await setBankVisibility(db.prisma, teacher, bankId, "published");
    expect(await builderIds(rival)).toContain(questionId);
    expect(await studyIds(learner)).toContain(questionId);
    expect(await catalogBanks()).toContain(bankId);
    expect(await topicNames()).toContain("my-topic");
    expect(await cardTotal()).toBeGreaterThan(0);

    await setBankVisibility(db.prisma, teacher, bankId, "private");
    expect(await cardTotal()).toBe(0);
    expect(await builderIds(rival)).not.toContain(questionId);
    expect(await studyIds(learner)).not.toContain(questionId);
    await expect(setBankVisibility(db.prisma, rival, bankId, "published")).rejects.toBeInstanceOf(AppError);
  });

  it("a private question cannot be graded, suspended or reported by id; once published it can", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const learner = await createPerson(db.prisma, "l1");
    const { bankId, questionId } = await upload(teacher);
    const ref = { questionId, side: "" };
    const grading = () => ({
      reviewId: randomUUID(),
      ref,
      answer: { kind: "choice" as const, keys: ["a"] },
      durationMs: 3000,
      clientTime: now.toISOString(),
    });
    await expect(recordGrade(db.prisma, learner, grading(), now)).rejects.toMatchObject({ code: "refused" });
    await expect(setSuspended(db.prisma, learner, ref, true, now)).rejects.toMatchObject({ code: "refused" });
    await expect(
      reportQuestion(db.prisma, learner, { questionId, reason: "typo", message: "x" }),
    ).rejects.toMatchObject({ code: "refused" });
    expect(await db.prisma.review.count({ where: { questionId } })).toBe(0);
    expect(await db.prisma.studyCard.count({ where: { questionId } })).toBe(0);

    await setBankVisibility(db.prisma, teacher, bankId, "published");
    await recordGrade(db.prisma, learner, grading(), now);
    await setSuspended(db.prisma, learner, ref, true, now);
    await reportQuestion(db.prisma, learner, { questionId, reason: "typo", message: "x" });
    expect(await db.prisma.review.count({ where: { questionId } })).toBe(1);
  });

  it("a new version with an error changes nothing; a good one keeps ids, revises, adds and retires", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const rival = await createPerson(db.prisma, "t2", true);
    const { bankId, questionId } = await upload(teacher);
    const broken = GOOD.replace("title: My bank", "title: My bank v2").replace(
      "kind: single",
      "kind: sinlge",
    );
    const refused = await replaceInstructorBank(db.prisma, teacher, bankId, md(broken), now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.findings.some((f) => f.line === 9)).toBe(true);
    expect((await db.prisma.bank.findUniqueOrThrow({ where: { id: bankId } })).title).toBe("My bank");

    const v2 = `${GOOD.replace("title: My bank", "title: My bank v2").replace("Which one?", "Which one now?")}
## Another question {#my-q2}

kind: true-false · difficulty: 1

- [x] True
- [ ] False
`;
    const later = new Date(now.getTime() + 60_000);
    expect(await replaceInstructorBank(db.prisma, teacher, bankId, md(v2), later)).toMatchObject({
      ok: true,
      bankId,
      questions: 2,
    });
    const edited = await db.prisma.question.findUniqueOrThrow({ where: { id: questionId } });
    expect(edited).toMatchObject({ revision: 2, retiredAt: null });
    expect(await db.prisma.questionRevision.count({ where: { questionId } })).toBe(2);
    expect(await db.prisma.question.count({ where: { bankId, retiredAt: null } })).toBe(2);
    expect((await db.prisma.bank.findUniqueOrThrow({ where: { id: bankId } })).title).toBe("My bank v2");

    // A version without the first question retires it (attempts that drew it keep it).
    const v3 = v2.slice(0, v2.indexOf("## Private question")) + v2.slice(v2.indexOf("## Another question"));
    expect((await replaceInstructorBank(db.prisma, teacher, bankId, md(v3), later)).ok).toBe(true);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: questionId } })).retiredAt).toEqual(
      later,
    );
    await expect(replaceInstructorBank(db.prisma, rival, bankId, md(GOOD), later)).rejects.toBeInstanceOf(
      AppError,
    );
  });

  it("delete is refused while a quiz uses the bank (naming it), and allowed once it does not", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const learner = await createPerson(db.prisma, "l1");
    const { bankId, questionId } = await upload(teacher);
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner]);
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify([questionId]) },
    });
    const refusal = await deleteInstructorBank(db.prisma, teacher, bankId).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).userMessage).toContain("“Fixture quiz”");
    expect(await db.prisma.bank.count({ where: { id: bankId } })).toBe(1);
    await db.prisma.quiz.delete({ where: { id: quizId } });
    expect(await deleteInstructorBank(db.prisma, teacher, bankId)).toEqual({ title: "My bank" });
    expect(await db.prisma.question.count({ where: { bankId } })).toBe(0);
  });
});

describe("export my data", () => {
  it("an instructor's export holds their banks with visibility and questions; nobody else's does", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const rival = await createPerson(db.prisma, "t2", true);
    const { bankId, questionId } = await upload(teacher);
    const mine = (await exportOwnData(db.prisma, teacher, now)) as unknown as Record<string, unknown>;
    expect(mine.banksUploaded).toMatchObject([
      { bankId, bank: { title: "My bank", visibility: "private", questions: [{ id: questionId }] } },
    ]);
    const theirs = (await exportOwnData(db.prisma, rival, now)) as unknown as Record<string, unknown>;
    expect(theirs.banksUploaded).toEqual([]);
  });
});

describe("bank sync and uploads", () => {
  it("content/ sync never retires, moves or rewrites an uploaded bank's questions", async () => {
    const teacher = await createPerson(db.prisma, "t1", true);
    const { bankId, questionId } = await upload(teacher);
    const before = await db.prisma.question.findUniqueOrThrow({ where: { id: questionId } });
    // A shipped bank that (by accident) uses the same question id, synced with the uploads absent
    // from content/: the upload must stay as it was.
    const shipped = `---
id: shipped-bank
title: Shipped
topic: shipped
---

## Clash {#${questionId}}

kind: single · difficulty: 1

Which?

- [x] Yes
- [ ] No

## Fine {#shipped-fine}

kind: single · difficulty: 1

Which?

- [x] Yes
- [ ] No
`;
    const { bank } = parseBank(shipped, { file: "content/shipped.md" });
    if (!bank) throw new Error("the shipped fixture does not parse");
    const report = await syncBanks(
      db.prisma,
      {
        banks: [
          {
            bank,
            sourceHash: "s1",
            contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
          },
        ],
        skipped: [],
        presentFiles: [bank.file],
      },
      new Date(now.getTime() + 1000),
    );
    expect(report.questionsAdded).toBe(1);
    const after = await db.prisma.question.findUniqueOrThrow({ where: { id: questionId } });
    expect(after).toEqual(before);
    expect((await db.prisma.bank.findUniqueOrThrow({ where: { id: bankId } })).visibility).toBe("private");
    expect(await db.prisma.question.count({ where: { bankId, retiredAt: { not: null } } })).toBe(0);
  });

  it("the migration makes existing uploads private and takes them out of the old retired trick", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-backfill-"));
    const raw = new Database(path.join(dir, "b.db"));
    try {
      const folder = path.join(process.cwd(), "prisma", "migrations");
      const names = fs
        .readdirSync(folder)
        .filter((n) => /^\d{14}_/.test(n))
        .sort();
      const target = names.findIndex((n) => n.startsWith("20261127040000_"));
      for (const name of names.slice(0, target))
        raw.exec(fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8"));
      const ts = "2026-01-01T00:00:00.000+00:00";
      raw.exec(`INSERT INTO User (id, name, email, createdAt, updatedAt) VALUES ('t', 'T', 't@x.test', '${ts}', '${ts}');
        INSERT INTO Bank (id, title, topic, file, sourceHash, lastSyncedAt, updatedAt) VALUES
          ('u1.b', 'Upload', 'x', 'upload:u1', 'u1', '${ts}', '${ts}'),
          ('shipped', 'Shipped', 'x', 'content/s.md', 'h', '${ts}', '${ts}');
        INSERT INTO InstructorBank (bankId, ownerId, authorId) VALUES ('u1.b', 't', 'b');
        INSERT INTO Question (id, bankId, kind, title, topic, difficulty, position, data, contentHash, retiredAt, updatedAt) VALUES
          ('u1.q', 'u1.b', 'single', 'Q', 'x', 1, 0, '{}', 'h', '${ts}', '${ts}'),
          ('gone', 'shipped', 'single', 'Q', 'x', 1, 0, '{}', 'h', '${ts}', '${ts}');`);
      raw.exec(fs.readFileSync(path.join(folder, names[target] ?? "", "migration.sql"), "utf8"));
      expect(raw.prepare("SELECT id, visibility FROM Bank ORDER BY id").all()).toEqual([
        { id: "shipped", visibility: "public" },
        { id: "u1.b", visibility: "private" },
      ]);
      expect(raw.prepare("SELECT id, retiredAt IS NULL AS live FROM Question ORDER BY id").all()).toEqual([
        { id: "gone", live: 0 },
        { id: "u1.q", live: 1 },
      ]);
    } finally {
      raw.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("writing a large new upload (issue 21 item 4)", () => {
  const many = (n: number) =>
    `---\nid: many\ntitle: Many\ntopic: many\n---\n\n${Array.from(
      { length: n },
      (_, i) =>
        `## Question ${i} {#q${i}}\n\nkind: single · difficulty: 2\n\nWhich one?\n\n- [x] This one\n- [ ] That one\n`,
    ).join("\n")}`;

  it("lets other queries through between short transactions, and saves every question", async () => {
    const teacher = await createPerson(db.prisma, "t-many", true);
    const upload = uploadInstructorBank(
      db.prisma,
      teacher,
      { text: many(200), fileName: "m.md", format: "gfm" },
      now,
    );
    let finished = false;
    void upload.then(() => {
      finished = true;
    });
    // Once the first batch is in, a plain read must answer before the whole bank is written.
    for (let i = 0; i < 1000 && (await db.prisma.question.count({ where: { topic: "many" } })) === 0; i++)
      await new Promise((resolve) => setImmediate(resolve));
    await db.prisma.user.count();
    expect(finished).toBe(false);
    const outcome = await upload;
    expect(outcome).toMatchObject({ ok: true, questions: 200 });
    expect(await db.prisma.question.count({ where: { topic: "many" } })).toBe(200);
    expect(await db.prisma.questionRevision.count({ where: { question: { topic: "many" } } })).toBe(200);
  });

  it("leaves nothing behind when the write fails part-way", async () => {
    const banks = await db.prisma.bank.count();
    const questions = await db.prisma.question.count();
    // No such account: the owner row, written last, fails on its foreign key.
    const ghost: ActingUser = {
      id: "no-such-user",
      name: "Ghost",
      email: "ghost@example.com",
      roles: ["learner", "instructor"],
    };
    await expect(
      uploadInstructorBank(db.prisma, ghost, { text: many(60), fileName: "m.md", format: "gfm" }, now),
    ).rejects.toThrow();
    expect(await db.prisma.bank.count()).toBe(banks);
    expect(await db.prisma.question.count()).toBe(questions);
  });
});

describe("warnings never block an upload (issue 17 item 1)", () => {
  it("a 700-question task-list bank with 3,500 warnings is saved, every warning counted by code", async () => {
    const teacher = await createPerson(db.prisma, "t-warn", true);
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text: taskListBank(700, { image: "images/diagram.png" }), fileName: "practice.md", format: "auto" },
      now,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings.slice(0, 3)));
    expect(outcome.questions).toBe(700);
    expect(outcome.counts).toEqual([
      { code: "missing-rationale", severity: "warning", count: 2100 },
      { code: "missing-explanation", severity: "warning", count: 700 },
      { code: "missing-reference", severity: "warning", count: 700 },
      // The image an upload cannot carry is reported, not dropped silently.
      { code: "missing-asset", severity: "warning", count: 1 },
    ]);
    // The first ones are listed, at the line of the text the instructor gave.
    expect(outcome.warnings).toHaveLength(200);
    expect(outcome.warnings[0]).toMatchObject({ severity: "warning", line: 7 });
    expect(await db.prisma.question.count({ where: { bankId: outcome.bankId } })).toBe(700);
    expect(await db.prisma.questionRevision.count({ where: { question: { bankId: outcome.bankId } } })).toBe(
      700,
    );
  });

  it("a bank with an error among thousands of warnings is refused, the error listed first", async () => {
    const teacher = await createPerson(db.prisma, "t-warn2", true);
    // The converted bank (Taskdeck Markdown, 3,500 warnings) with one question left without an answer.
    const converted = importBank(taskListBank(700), { file: "p.md" }).markdown;
    const text = converted.replace(/- \[x\] Option 2 for case 1$/m, "- [ ] Option 2 for case 1");
    expect(text).not.toBe(converted);
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text, fileName: "p.md", format: "gfm" },
      now,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.findings[0]).toMatchObject({ severity: "error", code: "missing-answer" });
      expect(outcome.counts.find((c) => c.code === "missing-rationale")?.count).toBeGreaterThan(2000);
    }
    expect(await db.prisma.bank.count({ where: { title: "AWS practice questions" } })).toBe(0);
  });
});
