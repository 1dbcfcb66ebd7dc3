import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActingUser } from "../auth/acting-user";
import { createPerson } from "../testing/attempts-fixture";
import { syncTranslatedStudyBank } from "../testing/study-fixture-ko";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { reportedQuestions } from "./insight-reports";
import { previewQuestions } from "./quiz-preview";
import { builderChoices } from "./quizzes";

// The instructor's pages show a shipped question as study does: its Korean text to a Korean reader
// (with the English original for the toggle), its English text marked `lang: "en"` otherwise.

const ENGLISH = "Which network mode must a Fargate task use?";
const KOREAN = "Fargate 태스크는 어떤 네트워크 모드를 사용해야 하나요?";

let db: TestDatabase;
let teacher: ActingUser;
let quizId: string;

beforeEach(async () => {
  db = createTestDatabase();
  await syncTranslatedStudyBank(db.prisma);
  teacher = await createPerson(db.prisma, "teacher", true);
  const klass = await db.prisma.class.create({
    data: { ownerId: teacher.id, name: "Class", joinCode: "LOCALIZE1" },
  });
  const quiz = await db.prisma.quiz.create({
    data: {
      ownerId: teacher.id,
      classId: klass.id,
      title: "Quiz",
      selection: "fixed",
      questionIds: JSON.stringify(["fx-netmode"]),
    },
  });
  quizId = quiz.id;
});
afterEach(() => db.cleanup());

describe("question titles on the instructor's pages", () => {
  it("the quiz builder lists a translated question's Korean title to a Korean reader", async () => {
    const korean = (await builderChoices(db.prisma, teacher, "ko")).questions;
    expect(korean.map((q) => [q.id, q.title, q.lang])).toEqual([["fx-netmode", KOREAN, "ko"]]);
    const english = (await builderChoices(db.prisma, teacher, "en")).questions;
    expect(english.map((q) => [q.id, q.title, q.lang])).toEqual([["fx-netmode", ENGLISH, "en"]]);
  });

  it("the preview shows the Korean question with its English original, options in the same order", async () => {
    const preview = await previewQuestions(db.prisma, teacher, quizId, "ko");
    const item = preview?.items[0];
    expect(item?.lang).toBe("ko");
    expect(item?.titleHtml).toContain(KOREAN);
    expect(item?.original?.titleHtml).toContain(ENGLISH);
    expect(item?.options.map((o) => o.key)).toEqual(item?.original?.options.map((o) => o.key));
    const english = await previewQuestions(db.prisma, teacher, quizId, "en");
    expect([english?.items[0]?.lang, english?.items[0]?.original]).toEqual(["en", null]);
  });

  it("the most reported questions carry the reader's title and its language", async () => {
    await db.prisma.questionReport.create({
      data: { userId: teacher.id, questionId: "fx-netmode", reason: "unclear", message: "" },
    });
    const [korean] = await reportedQuestions(db.prisma, teacher, "ko");
    expect([korean?.title, korean?.lang]).toEqual([KOREAN, "ko"]);
    const [english] = await reportedQuestions(db.prisma, teacher, "en");
    expect([english?.title, english?.lang]).toEqual([ENGLISH, "en"]);
  });
});
