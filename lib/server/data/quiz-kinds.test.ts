import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseBank, questionContentHash } from "@/lib/bank";
import { quizFormObject, quizInputSchema } from "@/lib/quiz/schemas";
import type { ActingUser } from "../auth/acting-user";
import { syncBanks } from "../banks/sync-banks";
import { createPerson, optionIdOf, saveByKeys, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getResultView, getRunnerView, startAttempt, submitAttempt } from "./attempts";
import { builderChoices, questionPool } from "./quizzes";

// Every kind the bank format has for graded questions works in a quiz: the builder offers it, the
// runner shows it without its key, autosave keeps it, grading marks it and the review explains it.
// (Flashcards and cloze cards are studied, not graded, so quizzes leave them out.)

const KINDS_BANK = `---
id: kinds-fixture
title: Kinds fixture
topic: kinds-topic
---

## Order a rolling deployment {#kd-order}

kind: ordering · difficulty: 3

Put the steps in order.

1. Register a new task definition revision
2. Update the service
3. Start new tasks
4. Stop old tasks

### Explanation

Rolling updates replace tasks KDEXPLMARK.

## The execution role pulls images from ECR {#kd-tf}

kind: true-false · difficulty: 1

- [x] True
- [ ] False

## Fargate network mode {#kd-card}

kind: flashcard

awsvpc.
`;

let db: TestDatabase;
let teacher: ActingUser;
let learner: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");

beforeEach(async () => {
  db = createTestDatabase();
  const { bank, findings } = parseBank(KINDS_BANK, { file: "content/kinds.md" });
  if (!bank) throw new Error(JSON.stringify(findings));
  await syncBanks(
    db.prisma,
    {
      banks: [
        {
          bank,
          sourceHash: "kinds",
          contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
        },
      ],
      skipped: [],
      presentFiles: [bank.file],
    },
    t0,
  );
  teacher = await createPerson(db.prisma, "teacher", true);
  learner = await createPerson(db.prisma, "learner");
});
afterEach(async () => {
  await db.cleanup();
});

describe("question kinds in quizzes", () => {
  it("the builder offers ordering and true-false (never cards), and the kind filter picks them", async () => {
    const offered = (await builderChoices(db.prisma, teacher)).questions;
    expect(offered.map((q) => q.kind).sort()).toEqual(["ordering", "true-false"]);
    const none = { topics: [], tags: [], difficulties: [], kinds: [] };
    expect((await questionPool(db.prisma, { ...none, kinds: ["ordering"] }, null)).map((q) => q.id)).toEqual([
      "kd-order",
    ]);
    const form = new FormData();
    for (const [k, v] of Object.entries({ classId: "c", title: "T", selection: "random", perTopic: "1" }))
      form.set(k, v);
    form.append("kind", "ordering");
    expect(quizInputSchema.safeParse(quizFormObject(form)).success).toBe(true);
    form.append("kind", "flashcard");
    const refused = quizInputSchema.safeParse(quizFormObject(form));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["filters", "kinds", 1]);
  });

  it("an ordering question is shown shuffled and keyless, autosaved, graded and reviewed with its order", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {});
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify(["kd-order", "kd-tf"]) },
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const view = await getRunnerView(db.prisma, learner, attemptId, t0);
    const ordering = view?.items.find((i) => i.questionId === "kd-order");
    expect(ordering?.kind).toBe("ordering");
    expect(ordering?.options.map((o) => o.key)).not.toEqual(["A", "B", "C", "D"]);
    expect(JSON.stringify(view)).not.toMatch(/KDEXPLMARK|"order"|"correct"/);

    const answer = { kind: "ordering" as const, keys: ["A", "B", "C", "D"] };
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "kd-order", answer, flagged: false, seq: 1 },
      t0,
    );
    const tf = view?.items.find((i) => i.questionId === "kd-tf");
    const trueKey = tf?.options.find((o) => o.html.includes("True"))?.key ?? "";
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "kd-tf", answer: { kind: "choice", keys: [trueKey] }, flagged: false, seq: 1 },
      t0,
    );
    const resumed = await getRunnerView(db.prisma, learner, attemptId, t0);
    expect(resumed?.items.find((i) => i.questionId === "kd-order")?.answer).toEqual({
      kind: "ordering",
      keys: await Promise.all(answer.keys.map((k) => optionIdOf(db.prisma, attemptId, "kd-order", k))),
    });

    await submitAttempt(db.prisma, learner, attemptId, t0);
    const result = await getResultView(db.prisma, learner, attemptId, t0);
    expect(result).toMatchObject({ correct: 2, total: 2 });
    const reviewed = result?.review?.find((r) => r.questionId === "kd-order");
    expect(reviewed).toMatchObject({ isCorrect: true, order: ["A", "B", "C", "D"] });
    expect(reviewed?.explanationHtml).toContain("KDEXPLMARK");
  });

  it("the option keys the browser gets, sorted, do not give an ordering question's order", async () => {
    // The written order is the key. Each learner's runner gets the steps under opaque ids: sorting
    // those ids must not put the steps in order (it did when the ids were the letters A, B, C, D).
    const learners = [learner];
    for (let i = 0; i < 19; i += 1) learners.push(await createPerson(db.prisma, `sorter${i}`));
    const { quizId } = await seedClassQuiz(db.prisma, teacher, learners, {});
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify(["kd-order"]) },
    });
    const written = [
      "Register a new task definition revision",
      "Update the service",
      "Start new tasks",
      "Stop old tasks",
    ];
    let sortedGivesTheOrder = 0;
    for (const person of learners) {
      const { attemptId } = await startAttempt(db.prisma, person, quizId, t0);
      const view = await getRunnerView(db.prisma, person, attemptId, t0);
      const options = view?.items[0]?.options ?? [];
      expect(options).toHaveLength(4);
      for (const option of options) expect(option.key).not.toMatch(/^[A-D]$/);
      const bySortedKey = [...options].sort((a, b) => a.key.localeCompare(b.key)).map((o) => o.html);
      if (bySortedKey.every((html, i) => html.includes(written[i] ?? "?"))) sortedGivesTheOrder += 1;
    }
    // By chance one order in 24 sorts right; letters sorted right every time.
    expect(sortedGivesTheOrder).toBeLessThanOrEqual(5);
  });

  it("a wrong order is marked wrong", async () => {
    const { quizId } = await seedClassQuiz(db.prisma, teacher, [learner], {});
    await db.prisma.quiz.update({
      where: { id: quizId },
      data: { questionIds: JSON.stringify(["kd-order"]) },
    });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, t0);
    const answer = { kind: "ordering" as const, keys: ["B", "A", "C", "D"] };
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "kd-order", answer, flagged: false, seq: 1 },
      t0,
    );
    await submitAttempt(db.prisma, learner, attemptId, t0);
    expect(await getResultView(db.prisma, learner, attemptId, t0)).toMatchObject({ correct: 0, total: 1 });
  });
});
