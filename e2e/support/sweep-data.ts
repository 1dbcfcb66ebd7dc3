import { type Browser, expect, type Page } from "@playwright/test";
import { ROLE_ACCOUNTS, STORAGE_STATE } from "../setup/accounts";
import { type Query, withDatabase } from "./database";
import type { SweepData } from "./page-routes";
import { ensureTestBank } from "./seed-bank";

// The records a page sweep needs (e2e/mobile.spec.ts): a bank whose cards have long unbroken code
// words and an ordering question, an instructor's class with the shared learner on its roster, a
// quiz the learner has open, one they submitted, and a practice exam they submitted. The bank and
// the class go straight into the database; the attempts are made through the pages, as a learner
// would make them.

export const SWEEP_TOPIC = "e2e-sweep";

const SWEEP_BANK = `---
id: e2e-sweep
title: Sweep bank
topic: ${SWEEP_TOPIC}
domains:
  - Design Secure Architectures for Phone Screens
---

## Which managed policy lets the agent pull images {#e2e-sweep-long}

kind: single · difficulty: 2 · tags: sweep

Which managed policy gives the ECS agent what it needs to pull a private image and write logs?

- [x] AmazonECSTaskExecutionRolePolicy
- [ ] AmazonEC2ContainerServiceforEC2RoleWithAnExtraLongName
  - why: arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role is for instances.
- [ ] AWSServiceRoleForECSWithAVeryLongUnbrokenIdentifier

### Explanation

\`AmazonECSTaskExecutionRolePolicy\` (arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy)
lets the agent call ecr:GetAuthorizationToken and logs:CreateLogStream.

## Put the first deployment in order {#e2e-sweep-order}

kind: ordering · difficulty: 2 · tags: sweep

Put the steps of a first deployment in order.

1. Register a task definition named AmazonECSTaskExecutionRolePolicyConsumerTaskDefinition
2. Create the service
3. The scheduler starts tasks

## Which port does NFS use {#e2e-sweep-typed}

kind: typed · difficulty: 2 · tags: sweep

Which port does NFS use? Type the number.

### Answer

- 2049

## Which are ECS launch types {#e2e-sweep-multiple}

kind: multiple · difficulty: 1 · tags: sweep

Which are ECS launch types? Choose two.

- [x] EC2
- [x] Fargate
- [ ] Lambda
`;

/** The sweep bank's question ids, in bank order. */
export const SWEEP_QUESTION_IDS = [
  "e2e-sweep-long",
  "e2e-sweep-order",
  "e2e-sweep-typed",
  "e2e-sweep-multiple",
];

/** Puts the sweep bank into the running server's database (once), as bank sync would. */
export async function ensureSweepBank(): Promise<void> {
  await ensureTestBank(SWEEP_BANK, "content/e2e-sweep.md");
}

/** A class of the shared instructor with the shared learner on its roster, and two quizzes over the sweep bank. */
async function seedClass(stamp: string) {
  return withDatabase(
    async (q: Query) => {
      const userId = async (email: string) => {
        const [user] = await q<{ id: string }>('SELECT "id" FROM "User" WHERE "email" = ?', [email]);
        if (!user) throw new Error(`no account ${email}`);
        return user.id;
      };
      const instructorId = await userId(ROLE_ACCOUNTS.instructor.email);
      const learnerId = await userId(ROLE_ACCOUNTS.learner.email);
      const now = new Date();
      const classId = `e2e-sweep-class-${stamp}`;
      const joinCode = `S${stamp.toUpperCase()}`.slice(0, 16);
      await q(
        'INSERT INTO "Class" ("id", "ownerId", "name", "joinCode", "createdAt") VALUES (?, ?, ?, ?, ?)',
        [classId, instructorId, `Phone sweep class with a rather long name ${stamp}`, joinCode, now],
      );
      await q('INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") VALUES (?, ?, ?)', [
        classId,
        learnerId,
        now,
      ]);
      const quiz = async (id: string, title: string, questionIds: string[]) =>
        q(
          `INSERT INTO "Quiz" ("id", "ownerId", "classId", "mode", "title", "filters", "selection", "questionIds", "shuffleQuestions", "shuffleOptions",
            "timeLimitMinutes", "attemptsAllowed", "passMark", "feedback", "createdAt", "updatedAt")
           VALUES (?, ?, ?, 'quiz', ?, '{}', 'fixed', ?, ?, ?, 30, 1, 50, 'after-submit', ?, ?)`,
          [id, instructorId, classId, title, JSON.stringify(questionIds), false, false, now, now],
        );
      const quizId = `e2e-sweep-open-${stamp}`;
      const finishedQuizId = `e2e-sweep-done-${stamp}`;
      // The open attempt leaves out the long-words card: questions of an open attempt stay out of
      // Study, and the sweep studies that card in cram mode.
      await quiz(quizId, `Sweep quiz in progress ${stamp}`, SWEEP_QUESTION_IDS.slice(1));
      await quiz(finishedQuizId, `Sweep quiz submitted ${stamp}`, SWEEP_QUESTION_IDS);
      return { classId, joinCode, learnerId, quizId, finishedQuizId };
    },
    { transaction: true },
  );
}

/** Starts an attempt of the quiz at `quizUrl` and returns its id (the page is left on the runner). */
async function startAttempt(page: Page, quizUrl: string): Promise<string> {
  await page.goto(quizUrl);
  await page.getByRole("button", { name: "Start attempt" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await expect(page.getByRole("region", { name: "Quiz attempt" })).toBeVisible();
  return page.url().split("/").pop() ?? "";
}

/** Picks the first option when the question showing has options to pick, then submits from the review screen. */
async function answerAndSubmit(page: Page): Promise<void> {
  const runner = page.getByRole("region", { name: "Quiz attempt" });
  const option = runner.getByRole("radio").first();
  if (await option.isVisible()) {
    await option.check();
    await expect(runner.getByText("All answers saved")).toBeVisible();
  }
  await runner.getByRole("button", { name: "Review", exact: true }).click();
  await runner.getByRole("button", { name: "Submit answers" }).click();
  await runner.getByRole("dialog").getByRole("button", { name: "Submit now" }).click();
  await expect(page).toHaveURL(/\/results$/);
}

/** A personal deck of the learner's with one card, made through the decks page. */
async function createDeck(page: Page, stamp: string): Promise<string> {
  await page.goto("/decks");
  const form = page.getByRole("form", { name: "New deck" });
  await form.getByLabel("Title", { exact: true }).fill(`Sweep deck ${stamp}`);
  await form.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: `Sweep deck ${stamp}`, level: 1 })).toBeVisible();
  const addCard = page.getByRole("form", { name: "Add a card" });
  await addCard.getByLabel("Kind").selectOption("flashcard");
  await addCard.getByLabel("Front", { exact: true }).fill("AmazonECSTaskExecutionRolePolicyIsALongWord");
  await addCard.getByLabel("Back", { exact: true }).fill("The managed policy of the task execution role.");
  await addCard.getByRole("button", { name: /^Add card/ }).click();
  await expect(page.getByRole("list", { name: "Cards" }).getByRole("listitem")).toHaveCount(1);
  return page.url().split("/").pop() ?? "";
}

/** Makes every record the sweep opens; the learner's attempts are made through the pages. */
export async function createSweepData(browser: Browser): Promise<SweepData> {
  await ensureSweepBank();
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const seeded = await seedClass(stamp);
  const context = await browser.newContext({ storageState: STORAGE_STATE.learner });
  try {
    const page = await context.newPage();
    const openAttemptId = await startAttempt(page, `/quizzes/${seeded.quizId}`);
    const finishedAttemptId = await startAttempt(page, `/quizzes/${seeded.finishedQuizId}`);
    await answerAndSubmit(page);

    // A practice exam over the sweep bank, answered in part and submitted.
    await page.goto("/exam");
    await page.getByRole("checkbox", { name: /^E2e sweep/ }).check();
    await page.getByLabel("Questions").fill("3");
    await page.getByRole("button", { name: "Build exam" }).click();
    await expect(page).toHaveURL(/\/quizzes\/[^/]+$/);
    const examQuizId = page.url().split("/").pop() ?? "";
    const examAttemptId = await startAttempt(page, `/quizzes/${examQuizId}`);
    await answerAndSubmit(page);
    const deckId = await createDeck(page, stamp);
    return {
      deckId,
      ...seeded,
      openAttemptId,
      finishedAttemptId,
      examQuizId,
      examAttemptId,
      longWordsTopic: SWEEP_TOPIC,
    };
  } finally {
    await context.close();
  }
}
