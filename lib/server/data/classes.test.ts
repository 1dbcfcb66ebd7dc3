import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "../auth/acting-user";
import { createPerson, loadQuizBank, saveByKeys, seedClassQuiz } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { checkQuestion } from "./attempt-check";
import { getRunnerView, startAttempt, submitAttempt } from "./attempts";
import { blockMember, classByCode, joinClass, removeMember, rotateJoinCode, unblockMember } from "./classes";

// Issue 21 item 6: a learner taken off a roster is stopped, not just hidden.

let db: TestDatabase;
let teacher: ActingUser;
let learner: ActingUser;
const t0 = new Date("2026-05-04T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeEach(async () => {
  db = createTestDatabase();
  await loadQuizBank(db.prisma);
  teacher = await createPerson(db.prisma, "teacher", true);
  learner = await createPerson(db.prisma, "learner");
});
afterEach(async () => {
  await db.cleanup();
});

const reasonOf = async (run: Promise<unknown>) => {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};
const choice = (...keys: string[]) => ({ kind: "choice" as const, keys });

describe("removing a learner", () => {
  it("ends their open attempt, graded as it stands, and refuses every attempt action afterwards", async () => {
    const { quizId, classId } = await seedClassQuiz(db.prisma, teacher, [learner], { feedback: "immediate" });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, at(0));
    const save = (seq: number, keys: string[]) =>
      saveByKeys(
        db.prisma,
        learner,
        { attemptId, questionId: "qz-one", answer: choice(...keys), flagged: false, seq },
        at(seq),
      );
    expect(await save(1, ["B"])).toEqual({ saved: true });

    await removeMember(db.prisma, teacher, classId, learner.id, at(10));
    const ended = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(ended).toMatchObject({ status: "submitted", openKey: null, correct: 1, total: 3 });
    expect(ended.finishedAt?.toISOString()).toBe(at(10).toISOString());

    expect(await reasonOf(getRunnerView(db.prisma, learner, attemptId, at(11)))).toBe("not-found");
    expect(await reasonOf(save(12, ["A"]))).toBe("not-found");
    expect(
      await reasonOf(checkQuestion(db.prisma, learner, { attemptId, questionId: "qz-one" }, at(13))),
    ).toBe("not-found");
    expect(await reasonOf(submitAttempt(db.prisma, learner, attemptId, at(14)))).toBe("not-found");
    expect(await reasonOf(startAttempt(db.prisma, learner, quizId, at(15)))).toBe("not-found");
    const answer = await db.prisma.attemptAnswer.findFirstOrThrow({ where: { attemptId } });
    expect(answer).toMatchObject({ answer: JSON.stringify(choice("B")), checkedAt: null });
  });

  it("refuses attempt actions even while an open attempt survives (a removal racing a start)", async () => {
    const { quizId, classId } = await seedClassQuiz(db.prisma, teacher, [learner], { feedback: "immediate" });
    const { attemptId } = await startAttempt(db.prisma, learner, quizId, at(0));
    await saveByKeys(
      db.prisma,
      learner,
      { attemptId, questionId: "qz-one", answer: choice("B"), flagged: false, seq: 1 },
      at(1),
    );
    // Only the roster row goes: the attempt stays open.
    await db.prisma.classMember.deleteMany({ where: { classId, userId: learner.id } });
    expect(await reasonOf(getRunnerView(db.prisma, learner, attemptId, at(2)))).toBe("not-found");
    expect(
      await reasonOf(
        saveByKeys(
          db.prisma,
          learner,
          { attemptId, questionId: "qz-one", answer: choice("A"), flagged: false, seq: 2 },
          at(3),
        ),
      ),
    ).toBe("not-found");
    expect(
      await reasonOf(checkQuestion(db.prisma, learner, { attemptId, questionId: "qz-one" }, at(4))),
    ).toBe("not-found");
    expect(await reasonOf(submitAttempt(db.prisma, learner, attemptId, at(5)))).toBe("not-found");
    expect(await db.prisma.attemptAnswer.count({ where: { attemptId, checkedAt: { not: null } } })).toBe(0);
  });
});

describe("join codes and blocks", () => {
  it("a rotated code stops the old link; a blocked learner cannot rejoin until unblocked", async () => {
    const { classId, joinCode } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const { joinCode: fresh } = await rotateJoinCode(db.prisma, teacher, classId);
    expect(fresh).not.toBe(joinCode);
    expect(await classByCode(db.prisma, joinCode)).toBeNull();
    const newcomer = await createPerson(db.prisma, "newcomer");
    expect(await reasonOf(joinClass(db.prisma, newcomer, joinCode))).toBe("not-found");
    expect(await reasonOf(joinClass(db.prisma, newcomer, fresh))).toBe("ok");

    await blockMember(db.prisma, teacher, classId, learner.id, at(0));
    expect(await db.prisma.classMember.count({ where: { classId, userId: learner.id } })).toBe(0);
    expect(await reasonOf(joinClass(db.prisma, learner, fresh))).toBe("invalid");
    expect(await db.prisma.classMember.count({ where: { classId, userId: learner.id } })).toBe(0);
    await unblockMember(db.prisma, teacher, classId, learner.id);
    expect(await reasonOf(joinClass(db.prisma, learner, fresh))).toBe("ok");
  });

  it("only the class's owner rotates, blocks and unblocks; nobody outside the class can be blocked", async () => {
    const { classId, joinCode } = await seedClassQuiz(db.prisma, teacher, [learner]);
    const rival = await createPerson(db.prisma, "rival", true);
    const stranger = await createPerson(db.prisma, "stranger");
    await expect(rotateJoinCode(db.prisma, rival, classId)).rejects.toMatchObject({ status: 403 });
    await expect(blockMember(db.prisma, rival, classId, learner.id)).rejects.toMatchObject({ status: 403 });
    await expect(unblockMember(db.prisma, learner, classId, learner.id)).rejects.toMatchObject({
      status: 403,
    });
    expect(await reasonOf(blockMember(db.prisma, teacher, classId, stranger.id))).toBe("not-found");
    expect((await db.prisma.class.findUniqueOrThrow({ where: { id: classId } })).joinCode).toBe(joinCode);
    expect(await db.prisma.classBlock.count()).toBe(0);
  });
});
