import { type GivenAnswer, parseBank, questionContentHash } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { publicIdOf } from "@/lib/quiz";
import type { SaveAnswerInput } from "@/lib/quiz/schemas";
import type { ActingUser } from "../auth/acting-user";
import { syncBanks } from "../banks/sync-banks";
import { saveAnswer } from "../data/attempts";
import { readAttemptItems } from "../data/json-columns";

// A bank whose keys, rationales and explanations carry marker strings: the leak tests search every
// response an attempt produces for them.

export const LEAK_MARKERS = ["ZZKEYMARK1", "ZZWHYMARK2", "ZZEXPLMARK3", "ZZTYPEDMARK4", "ZZKEYMARK5"];

export const QUIZ_BANK = `---
id: quiz-fixture
title: Quiz fixture
topic: quiz-topic
domains:
  - Design Secure Architectures
---

## Which network mode must a Fargate task use? {#qz-one}

kind: single · difficulty: 2 · tags: fargate

Pick the network mode.

- [ ] bridge
  - why: Not on Fargate ZZWHYMARK2.
- [x] awsvpc ZZKEYMARK1
- [ ] host

### Explanation

Fargate uses awsvpc ZZEXPLMARK3.

## Which port does NFS use? {#qz-two}

kind: typed · difficulty: 2 · tags: storage

Type the port number.

### Answer

- 2049
- ZZTYPEDMARK4

## Which of these are launch types? {#qz-three}

kind: multiple · difficulty: 1 · tags: fargate

Choose two.

- [x] EC2
- [x] Fargate ZZKEYMARK5
- [ ] Lambda
`;

/** Loads QUIZ_BANK into a test database. */
export async function loadQuizBank(db: PrismaClient, now = new Date("2026-01-01T00:00:00Z")) {
  const { bank, findings } = parseBank(QUIZ_BANK, { file: "content/quiz-fixture.md" });
  if (!bank) throw new Error(`The quiz fixture does not parse: ${JSON.stringify(findings)}`);
  await syncBanks(
    db,
    {
      banks: [
        {
          bank,
          sourceHash: "quiz",
          contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
        },
      ],
      skipped: [],
      presentFiles: [bank.file],
    },
    now,
  );
  return bank;
}

/** A user row with the given roles, for data-layer tests. */
export async function createPerson(db: PrismaClient, id: string, instructor = false): Promise<ActingUser> {
  await db.user.create({ data: { id, name: `Person ${id}`, email: `${id}@example.test` } });
  if (instructor) await db.userRole.create({ data: { userId: id, role: "instructor" } });
  return {
    id,
    name: `Person ${id}`,
    email: `${id}@example.test`,
    roles: instructor ? ["learner", "instructor"] : ["learner"],
  };
}

/** An instructor's class with a quiz over the fixture bank, and a learner on its roster. */
export async function seedClassQuiz(
  db: PrismaClient,
  owner: ActingUser,
  learners: ActingUser[],
  quiz: Partial<{
    timeLimitMinutes: number | null;
    closesAt: Date | null;
    opensAt: Date | null;
    attemptsAllowed: number;
    feedback: string;
  }> = {},
) {
  const klass = await db.class.create({
    data: {
      ownerId: owner.id,
      name: "Fixture class",
      joinCode: `C${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
    },
  });
  for (const l of learners) await db.classMember.create({ data: { classId: klass.id, userId: l.id } });
  const created = await db.quiz.create({
    data: {
      ownerId: owner.id,
      classId: klass.id,
      title: "Fixture quiz",
      selection: "fixed",
      questionIds: JSON.stringify(["qz-one", "qz-two", "qz-three"]),
      attemptsAllowed: 3,
      passMark: 60,
      ...quiz,
    },
  });
  return { classId: klass.id, quizId: created.id, joinCode: klass.joinCode };
}

/**
 * For role-matrix rows: instructor2's class with learner2 on the roster and a quiz over the
 * fixture bank (seeded once per world). Returns the ids.
 */
export async function seedMatrixQuiz(w: {
  db: PrismaClient;
  users: Record<"instructor2" | "learner2", { id: string }>;
}) {
  const existing = await w.db.quiz.findFirst({ where: { ownerId: w.users.instructor2.id, mode: "quiz" } });
  if (existing?.classId) return { quizId: existing.id, classId: existing.classId };
  if ((await w.db.bank.count({ where: { id: "quiz-fixture" } })) === 0) await loadQuizBank(w.db);
  const klass = await w.db.class.create({
    data: { ownerId: w.users.instructor2.id, name: "Matrix class", joinCode: "MATRIX22" },
  });
  await w.db.classMember.create({ data: { classId: klass.id, userId: w.users.learner2.id } });
  const quiz = await w.db.quiz.create({
    data: {
      ownerId: w.users.instructor2.id,
      classId: klass.id,
      title: "Matrix quiz",
      selection: "fixed",
      questionIds: JSON.stringify(["qz-one", "qz-two", "qz-three"]),
      attemptsAllowed: 2,
    },
  });
  return { quizId: quiz.id, classId: klass.id };
}

/**
 * saveAnswer as the runner calls it, with the answer written in bank keys ("B", ["A", "C"]): the
 * keys become the attempt's opaque option ids first, as the browser knows them.
 */
export async function saveByKeys(
  db: PrismaClient,
  actor: ActingUser,
  input: SaveAnswerInput | (Omit<SaveAnswerInput, "answer"> & { answer: GivenAnswer | null }),
  now: Date,
) {
  const row = await db.quizAttempt.findUnique({ where: { id: input.attemptId }, select: { items: true } });
  const item = row ? readAttemptItems(row.items).find((i) => i.questionId === input.questionId) : undefined;
  const answer =
    item && input.answer && (input.answer.kind === "choice" || input.answer.kind === "ordering")
      ? { kind: input.answer.kind, keys: input.answer.keys.map((k) => publicIdOf(item, k) ?? k) }
      : input.answer;
  return saveAnswer(db, actor, { ...input, answer }, now);
}

/** The opaque id an attempt shows a bank key under. */
export async function optionIdOf(db: PrismaClient, attemptId: string, questionId: string, key: string) {
  const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { items: true } });
  const item = readAttemptItems(row.items).find((i) => i.questionId === questionId);
  return item ? publicIdOf(item, key) : null;
}
