import { afterEach, describe, expect, it } from "vitest";
import type { ActingUser } from "../auth/acting-user";
import { createPerson, saveByKeys } from "../testing/attempts-fixture";
import { createLearner } from "../testing/study-fixture";
import { syncTranslatedStudyBank } from "../testing/study-fixture-ko";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getResultView, getRunnerView, startAttempt, submitAttempt } from "./attempts";
import { loadStudyQueue } from "./study-queue";

// A Korean learner reads a translated question in Korean with its English original one toggle away;
// an English learner reads English. Keys, answers and grades are the same in both.

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const now = new Date("2026-01-05T09:00:00Z");
const ALL = { topics: [], tags: [], banks: [] };
const NETMODE_KO = "Fargate 태스크는 어떤 네트워크 모드를 사용해야 하나요?";
const NETMODE_EN = "Which network mode must a Fargate task use?";

describe("the study card view in the learner's language", () => {
  it("gives a Korean learner Korean text with the English original, and an English learner English", async () => {
    db = createTestDatabase();
    await syncTranslatedStudyBank(db.prisma);
    const learner = await createLearner(db.prisma, "ko-study");
    const korean = await loadStudyQueue(db.prisma, learner, ALL, now, { mode: "cram", locale: "ko" });
    const netmode = korean.items.find((i) => i.ref.questionId === "fx-netmode");
    expect(netmode?.lang).toBe("ko");
    expect(netmode?.titleHtml).toContain(NETMODE_KO);
    expect(netmode?.options.map((o) => [o.key, o.correct])).toEqual([
      ["A", false],
      ["B", true],
      ["C", false],
    ]);
    expect(netmode?.options[0]?.rationaleHtml).toContain("Fargate는 awsvpc만 지원합니다.");
    expect(netmode?.original?.titleHtml).toContain(NETMODE_EN);
    expect(netmode?.original?.options[0]?.rationaleHtml).toContain("Fargate supports only awsvpc.");
    const card = korean.items.find((i) => i.ref.questionId === "fx-task-role");
    expect(card?.answerHtml).toContain("태스크 역할(task role, taskRoleArn)입니다.");
    expect(card?.original?.answerHtml).toContain("The task role (taskRoleArn).");

    const english = await loadStudyQueue(db.prisma, learner, ALL, now, { mode: "cram", locale: "en" });
    const same = english.items.find((i) => i.ref.questionId === "fx-netmode");
    expect(same).toMatchObject({ lang: "en", original: null });
    expect(same?.titleHtml).toContain(NETMODE_EN);
    expect(english.items.map((i) => i.key)).toEqual(korean.items.map((i) => i.key));
  });

  it("shows English where a question has no translation", async () => {
    db = createTestDatabase();
    await syncTranslatedStudyBank(db.prisma, null);
    const learner = await createLearner(db.prisma, "ko-no-translation");
    const view = await loadStudyQueue(db.prisma, learner, ALL, now, { mode: "cram", locale: "ko" });
    expect(view.items[0]).toMatchObject({ lang: "en", original: null });
    expect(view.items[0]?.titleHtml).toContain(NETMODE_EN);
  });
});

async function quizOverNetmode(database: TestDatabase): Promise<{ learner: ActingUser; attemptId: string }> {
  await syncTranslatedStudyBank(database.prisma);
  const owner = await createPerson(database.prisma, "ko-owner", true);
  const learner = await createPerson(database.prisma, "ko-taker");
  const klass = await database.prisma.class.create({
    data: { ownerId: owner.id, name: "Korean class", joinCode: "KOREAN22" },
  });
  await database.prisma.classMember.create({ data: { classId: klass.id, userId: learner.id } });
  const quiz = await database.prisma.quiz.create({
    data: {
      ownerId: owner.id,
      classId: klass.id,
      title: "Korean quiz",
      selection: "fixed",
      questionIds: JSON.stringify(["fx-netmode"]),
      attemptsAllowed: 1,
    },
  });
  const { attemptId } = await startAttempt(database.prisma, learner, quiz.id, now);
  return { learner, attemptId };
}

describe("quiz views in the learner's language", () => {
  it("runs and reviews a translated question in Korean with the English original, under the same option ids", async () => {
    db = createTestDatabase();
    const { learner, attemptId } = await quizOverNetmode(db);
    const runner = await getRunnerView(db.prisma, learner, attemptId, now, "ko");
    const item = runner?.items[0];
    expect(item?.lang).toBe("ko");
    expect(item?.titleHtml).toContain(NETMODE_KO);
    expect(item?.original?.titleHtml).toContain(NETMODE_EN);
    expect(item?.original?.options.map((o) => o.key)).toEqual(item?.options.map((o) => o.key));
    // The runner's original carries no key either: text only.
    expect(JSON.stringify(item?.original)).not.toMatch(/correct|rationale|awsvpc만/);
    const english = await getRunnerView(db.prisma, learner, attemptId, now, "en");
    expect(english?.items[0]).toMatchObject({ lang: "en", original: null });
    expect(english?.items[0]?.options.map((o) => o.key)).toEqual(item?.options.map((o) => o.key));

    await saveByKeys(
      db.prisma,
      learner,
      {
        attemptId,
        questionId: "fx-netmode",
        answer: { kind: "choice", keys: ["B"] },
        flagged: false,
        seq: 1,
      },
      now,
    );
    await submitAttempt(db.prisma, learner, attemptId, now);
    const result = await getResultView(db.prisma, learner, attemptId, now, "ko");
    const review = result?.review?.[0];
    expect(result?.correct).toBe(1);
    expect(review?.lang).toBe("ko");
    expect(review?.explanationHtml).toContain("자체 ENI");
    expect(review?.original?.explanationHtml).toContain("its own ENI");
    expect(review?.references[0]).toContain("/ko_kr/");
    const inEnglish = await getResultView(db.prisma, learner, attemptId, now, "en");
    expect(inEnglish?.review?.[0]).toMatchObject({ lang: "en", original: null });
    expect(inEnglish?.review?.[0]?.titleHtml).toContain(NETMODE_EN);
  });
});
