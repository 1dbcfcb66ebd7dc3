import { expect, type Locator, type Page, test } from "@playwright/test";
import { parseBank } from "../lib/bank";
import { bannerName, newAccount, ROLE_ACCOUNTS, STORAGE_STATE, submitSignUp } from "./setup/accounts";
import { type Query, query, queryOne, withDatabase } from "./support/database";

// The quiz runner as a learner meets it, and the forms around it (issue 16): "Submit answers" asks
// first and names what is unanswered or flagged; digits and Enter work in quizzes as in Study and
// the hints say so; a refused form keeps what was typed, with the error at its field; and a new
// account's days are in its browser's time zone from the first visit.

const FLOW_BANK = `---
id: e2e-flow
title: Quiz flow bank
topic: e2e-flow
domains:
  - Flow Domain
---

## Flow single {#e2e-flow-single}

kind: single · difficulty: 2 · tags: flow

Which network mode must a Fargate task use?

- [ ] bridge
  - why: Fargate supports only awsvpc.
- [x] awsvpc
- [ ] host
  - why: Fargate supports only awsvpc.

## Flow multiple {#e2e-flow-multiple}

kind: multiple · difficulty: 1 · tags: flow

Which are ECS launch types? Choose two.

- [x] EC2
- [x] Fargate
- [ ] Lambda
  - why: Lambda is another service.

## Flow true or false {#e2e-flow-tf}

kind: true-false · difficulty: 1 · tags: flow

The ECS agent uses the task execution role to pull private images from Amazon ECR.

- [x] True
- [ ] False

## Flow typed {#e2e-flow-typed}

kind: typed · difficulty: 2 · tags: flow

Which port does NFS use? Type the number.

### Answer

- 2049

## Flow ordering {#e2e-flow-ordering}

kind: ordering · difficulty: 2 · tags: flow

Put the steps of a first deployment in order.

1. Register a task definition
2. Create the service
3. The scheduler starts tasks
`;

const ALL = ["e2e-flow-single", "e2e-flow-multiple", "e2e-flow-tf", "e2e-flow-typed", "e2e-flow-ordering"];

/** Puts the flow bank into the running server's database (once), as bank sync would. */
async function ensureFlowBank(): Promise<void> {
  const { bank, findings } = parseBank(FLOW_BANK, { file: "content/e2e-flow.md" });
  if (!bank) throw new Error(`flow bank: ${JSON.stringify(findings)}`);
  if (await queryOne('SELECT 1 FROM "Bank" WHERE "id" = ?', [bank.meta.id])) return;
  const now = new Date();
  await withDatabase(
    async (q) => {
      await q(
        `INSERT INTO "Bank" ("id", "title", "topic", "domains", "language", "version", "authors", "file", "sourceHash", "lastSyncedAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'en', '1', '[]', ?, 'e2e', ?, ?, ?)`,
        [
          bank.meta.id,
          bank.meta.title,
          bank.meta.topic,
          JSON.stringify(bank.meta.domains),
          bank.file,
          now,
          now,
          now,
        ],
      );
      for (const [position, question] of bank.questions.entries()) {
        await q(
          `INSERT INTO "Question" ("id", "bankId", "kind", "title", "topic", "difficulty", "tags", "hasSim", "position", "data", "contentHash", "revision", "createdAt", "updatedAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'e2e', 1, ?, ?)`,
          [
            question.id,
            bank.meta.id,
            question.kind,
            question.title,
            bank.meta.topic,
            question.difficulty,
            JSON.stringify(question.tags),
            false,
            position,
            JSON.stringify(question),
            now,
            now,
          ],
        );
      }
    },
    { transaction: true },
  );
}

/** A class of the role instructor with the role learner on it, and an untimed quiz in a fixed order. */
function seedQuiz(title: string, questionIds: string[]): Promise<string> {
  return withDatabase(async (q: Query) => {
    const userId = async (email: string) => {
      const [user] = await q<{ id: string }>('SELECT "id" FROM "User" WHERE "email" = ?', [email]);
      if (!user) throw new Error(`no account ${email}`);
      return user.id;
    };
    const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const now = new Date();
    const classId = `e2e-flow-class-${unique}`;
    const quizId = `e2e-flow-quiz-${unique}`;
    const owner = await userId(ROLE_ACCOUNTS.instructor.email);
    await q('INSERT INTO "Class" ("id", "ownerId", "name", "joinCode", "createdAt") VALUES (?, ?, ?, ?, ?)', [
      classId,
      owner,
      `Flow ${unique}`,
      `F${unique.toUpperCase()}`.slice(0, 16),
      now,
    ]);
    await q('INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") VALUES (?, ?, ?)', [
      classId,
      await userId(ROLE_ACCOUNTS.learner.email),
      now,
    ]);
    await q(
      `INSERT INTO "Quiz" ("id", "ownerId", "classId", "mode", "title", "filters", "selection", "questionIds", "shuffleQuestions", "shuffleOptions",
        "timeLimitMinutes", "attemptsAllowed", "passMark", "feedback", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'quiz', ?, '{}', 'fixed', ?, ?, ?, NULL, 1, 50, 'after-submit', ?, ?)`,
      [quizId, owner, classId, title, JSON.stringify(questionIds), false, false, now, now],
    );
    return quizId;
  });
}

/** Starts the learner's attempt at a quiz and answers the runner region. */
async function startAttempt(page: Page, quizId: string): Promise<{ runner: Locator; attemptId: string }> {
  await page.goto(`/quizzes/${quizId}`);
  await page.getByRole("button", { name: "Start attempt" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  const runner = page.getByRole("region", { name: "Quiz attempt" });
  await expect(runner.getByRole("heading", { name: /^Question 1/ })).toBeVisible();
  return { runner, attemptId: page.url().split("/").pop() ?? "" };
}

const statusOf = async (attemptId: string) =>
  (await queryOne<{ status: string }>('SELECT "status" FROM "QuizAttempt" WHERE "id" = ?', [attemptId]))
    ?.status;

/** Screenshots at 1280 and 375 px for a person to look at, and no sideways scroll on a phone. */
async function lookAt(page: Page, name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    if (width === 375) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("quiz flow", () => {
  test.beforeAll(() => ensureFlowBank());

  test("Submit answers asks first, names unanswered and flagged questions, and cancelling keeps the attempt", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.learner })).newPage();
    const title = `Confirm ${Date.now().toString(36)}`;
    const quizId = await seedQuiz(title, ALL.slice(0, 3));
    const { runner, attemptId } = await startAttempt(page, quizId);

    await runner.getByRole("radio", { name: "awsvpc" }).check();
    await expect(runner.getByText("All answers saved")).toBeVisible();
    await runner.getByRole("button", { name: "Next" }).click();
    await runner.getByLabel("Flag for review").check();
    await expect(runner.getByText("All answers saved")).toBeVisible();
    await runner.getByRole("button", { name: "Review", exact: true }).click();
    const submit = runner.getByRole("button", { name: "Submit answers" });
    await submit.click();

    const dialog = page.getByRole("dialog", { name: "Submit your answers?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("1 of 3 answered");
    await expect(dialog.getByRole("list", { name: "Unanswered questions" }).getByRole("button")).toHaveText([
      "Go to question 2",
      "Go to question 3",
    ]);
    await expect(dialog.getByRole("list", { name: "Flagged questions" }).getByRole("button")).toHaveText([
      "Go to question 2",
    ]);
    await expect(dialog.getByRole("button", { name: "Keep working" })).toBeFocused();
    await lookAt(page, "submit-confirmation");

    // Escape cancels: nothing ends, focus goes back to the button.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(submit).toBeFocused();
    expect(await statusOf(attemptId)).toBe("open");

    // A question named in the confirmation is one click away, and "Keep working" cancels too.
    await submit.click();
    await dialog.getByRole("button", { name: "Keep working" }).click();
    await expect(dialog).toBeHidden();
    await submit.click();
    await dialog.getByRole("button", { name: "Go to question 3" }).click();
    await expect(dialog).toBeHidden();
    await expect(runner.getByRole("heading", { name: /^Question 3/ })).toBeFocused();
    await runner.getByRole("radio", { name: "True" }).check();
    await expect(runner.getByText("All answers saved")).toBeVisible();
    expect(await statusOf(attemptId)).toBe("open");

    await runner.getByRole("button", { name: "Review", exact: true }).click();
    await submit.click();
    await expect(dialog).toContainText("2 of 3 answered");
    await dialog.getByRole("button", { name: "Submit now" }).click();
    await expect(page.getByRole("heading", { name: `Results: ${title}` })).toBeVisible();
    expect(await statusOf(attemptId)).toBe("submitted");
  });

  test("digits pick and Enter moves on as in Study; the hints match each kind; nothing fires while typing or composing", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.learner })).newPage();
    const title = `Keys ${Date.now().toString(36)}`;
    const quizId = await seedQuiz(title, ALL);
    const { runner, attemptId } = await startAttempt(page, quizId);
    const hints = runner.locator(".quiz-keys");

    // Single answer: 1–3 to pick. An input method composing "2" picks nothing.
    await expect(hints).toHaveText("Keyboard: 1–3 to pick · Enter for the next question");
    for (const init of [{ isComposing: true }, { keyCode: 229 }])
      await page.evaluate((extra) => {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: "2", bubbles: true, ...extra }));
      }, init);
    await expect(runner.getByRole("radio", { name: "awsvpc" })).not.toBeChecked();
    await page.keyboard.press("2");
    await expect(runner.getByRole("radio", { name: "awsvpc" })).toBeChecked();
    await expect(runner.getByText("All answers saved")).toBeVisible();
    await lookAt(page, "keyboard-hints");

    // Multiple answers: digits tick and untick.
    await page.keyboard.press("Enter");
    await expect(runner.getByRole("heading", { name: /^Question 2/ })).toBeVisible();
    await expect(hints).toHaveText("Keyboard: 1–3 to tick or untick · Enter for the next question");
    for (const key of ["1", "2", "3", "3"]) await page.keyboard.press(key);
    await expect(runner.getByRole("checkbox", { name: "EC2" })).toBeChecked();
    await expect(runner.getByRole("checkbox", { name: "Fargate" })).toBeChecked();
    await expect(runner.getByRole("checkbox", { name: "Lambda" })).not.toBeChecked();

    // True or false.
    await page.keyboard.press("Enter");
    await expect(hints).toHaveText("Keyboard: 1–2 to pick · Enter for the next question");
    await page.keyboard.press("1");
    await expect(runner.getByRole("radio", { name: "True" })).toBeChecked();

    // Typed: no digit hint; digits go into the field; Enter in it moves on.
    await page.keyboard.press("Enter");
    await expect(runner.getByRole("heading", { name: /^Question 4/ })).toBeVisible();
    await expect(hints).toHaveText("Keyboard: Enter for the next question");
    await runner.getByLabel("Your answer").click();
    await page.keyboard.type("2049");
    await expect(runner.getByLabel("Your answer")).toHaveValue("2049");
    await page.keyboard.press("Enter");

    // Ordering: no digit hint, digits do nothing, and Enter moves on without answering the shown order.
    await expect(runner.getByRole("heading", { name: /^Question 5/ })).toBeVisible();
    await expect(hints).toHaveText("Keyboard: Enter to review and submit");
    const steps = runner.getByRole("list", { name: "Put these in order" }).getByRole("listitem");
    const shown = await steps.allTextContents();
    await page.keyboard.press("1");
    expect(await steps.allTextContents()).toEqual(shown);
    await page.keyboard.press("Enter");
    await expect(runner.getByRole("heading", { name: "Review before you submit" })).toBeVisible();
    await expect(runner.getByRole("button", { name: "Question 5, unanswered" })).toBeVisible();
    await expect(runner.getByText("All answers saved")).toBeVisible();

    const saved = await query<{ questionId: string }>(
      'SELECT "questionId" FROM "AttemptAnswer" WHERE "attemptId" = ? AND "answer" IS NOT NULL ORDER BY "questionId"',
      [attemptId],
    );
    expect(saved.map((row) => row.questionId)).toEqual([
      "e2e-flow-multiple",
      "e2e-flow-single",
      "e2e-flow-tf",
      "e2e-flow-typed",
    ]);
    await runner.getByRole("button", { name: "Submit answers" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Submit now" }).click();
    await expect(page.getByText(/4 of 5 correct/)).toBeVisible();
  });

  test("refused forms keep what was typed, with the error at its field", async ({ browser }) => {
    test.setTimeout(120_000);
    // Sign-up with an email that has an account: every field keeps its value, the password too.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/sign-up");
    await visitor.getByLabel("Name", { exact: true }).fill("Kept Name");
    await visitor.getByLabel("Email", { exact: true }).fill(ROLE_ACCOUNTS.learner.email);
    await visitor.getByLabel("Password", { exact: true }).fill("a long kept passphrase here");
    await visitor.getByRole("button", { name: "Sign up" }).click();
    const email = visitor.getByLabel("Email", { exact: true });
    await expect(email).toHaveAccessibleDescription(/An account with this email already exists/);
    await expect(email).toBeFocused();
    await expect(visitor.getByLabel("Name", { exact: true })).toHaveValue("Kept Name");
    await expect(email).toHaveValue(ROLE_ACCOUNTS.learner.email);
    await expect(visitor.getByLabel("Password", { exact: true })).toHaveValue("a long kept passphrase here");
    await lookAt(visitor, "sign-up-refused");

    // Sign-in with a wrong password keeps both fields.
    await visitor.goto("/sign-in");
    await visitor.getByLabel("Email", { exact: true }).fill(ROLE_ACCOUNTS.learner.email);
    await visitor.getByLabel("Password", { exact: true }).fill("not the password at all");
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor.getByText("The email or password is incorrect.")).toBeVisible();
    await expect(visitor.getByLabel("Email", { exact: true })).toHaveValue(ROLE_ACCOUNTS.learner.email);
    await expect(visitor.getByLabel("Password", { exact: true })).toHaveValue("not the password at all");

    // The quiz builder: a pass mark out of range; the title, the chosen question and the time stay.
    const teacher = await (await browser.newContext({ storageState: STORAGE_STATE.instructor })).newPage();
    const className = `Kept ${Date.now().toString(36)}`;
    await teacher.goto("/classes");
    await teacher.getByLabel("Class name").fill(className);
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.getByRole("heading", { name: className, level: 1 })).toBeVisible();
    await teacher.getByRole("link", { name: "New quiz" }).click();
    await teacher.getByLabel("Quiz title").fill("Kept quiz title");
    await teacher.getByRole("checkbox", { name: /Flow single/ }).check();
    await teacher.getByLabel("Time limit in minutes (empty: none)").fill("25");
    await teacher.getByLabel("Pass mark (%)").fill("150");
    await teacher.getByRole("button", { name: "Create quiz" }).click();
    const passMark = teacher.getByLabel("Pass mark (%)");
    await expect(passMark).toHaveAccessibleDescription(/at most 100/);
    await expect(passMark).toHaveValue("150");
    await expect(teacher.getByLabel("Quiz title")).toHaveValue("Kept quiz title");
    await expect(teacher.getByRole("checkbox", { name: /Flow single/ })).toBeChecked();
    await expect(teacher.getByLabel("Time limit in minutes (empty: none)")).toHaveValue("25");

    // Joining with a code no class has keeps the code.
    const learner = await (await browser.newContext({ storageState: STORAGE_STATE.learner })).newPage();
    await learner.goto("/classes");
    await learner.getByLabel("Class code").fill("NOPE2345");
    await learner.getByRole("button", { name: "Join class" }).click();
    await expect(learner.getByText("No class has that code.")).toBeVisible();
    await expect(learner.getByLabel("Class code")).toHaveValue("NOPE2345");

    // The exam form on /progress: a target out of range keeps the date typed beside it.
    await learner.goto("/progress");
    await learner.getByLabel("Exam date").fill("2099-06-01");
    await learner.getByLabel("Target recall").fill("2");
    await learner.getByRole("button", { name: "Save exam date" }).click();
    await expect(learner.getByLabel("Target recall")).toHaveAccessibleDescription(/at most 0\.99/);
    await expect(learner.getByLabel("Target recall")).toHaveValue("2");
    await expect(learner.getByLabel("Exam date")).toHaveValue("2099-06-01");

    // Study settings: one bad field; the others keep what was typed.
    await learner.goto("/study/settings");
    await learner.getByLabel("Desired retention").fill("0.85");
    await learner.getByLabel("New cards a day").fill("9999");
    await learner.getByRole("button", { name: "Save settings" }).click();
    await expect(learner.getByLabel("New cards a day")).toHaveAccessibleDescription(/at most 500/);
    await expect(learner.getByLabel("New cards a day")).toHaveValue("9999");
    await expect(learner.getByLabel("Desired retention")).toHaveValue("0.85");
  });

  test("a new account's days are in its browser's time zone from the first visit, and a later browser does not change it", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const account = newAccount("Tokyo");
    const tokyo = await (await browser.newContext({ timezoneId: "Asia/Tokyo" })).newPage();
    await tokyo.goto("/sign-up");
    await tokyo.getByLabel("Name", { exact: true }).fill(account.name);
    await tokyo.getByLabel("Email", { exact: true }).fill(account.email);
    await tokyo.getByLabel("Password", { exact: true }).fill(account.password);
    // The first signed-in page (Today, where sign-up lands) sends the browser's zone once. Leaving
    // it before that answer comes can leave /progress drawn in UTC (seen in CI on 2026-12-07, not yet
    // explained: the next page sends the zone again and should redraw); wait for it, as a reader would.
    const adopted = tokyo.waitForResponse(
      (response) =>
        response.request().method() === "POST" &&
        new URL(response.url()).pathname === "/" &&
        response.request().headers()["next-action"] !== undefined,
    );
    await submitSignUp(tokyo);
    await expect(bannerName(tokyo, account.name)).toBeVisible();
    await adopted;
    await tokyo.goto("/progress");
    await expect(tokyo.getByText(/in your time zone \(Asia\/Tokyo, days start at/)).toBeVisible();
    await lookAt(tokyo, "progress-time-zone");

    // The same learner in a browser set to New York: the zone saved on the first visit stays.
    const elsewhere = await browser.newContext({ timezoneId: "America/New_York" });
    await elsewhere.addCookies(await tokyo.context().cookies());
    const newYork = await elsewhere.newPage();
    // The new browser sends its zone once (a server action call); the server keeps the saved one.
    const sent = newYork.waitForRequest(
      (request) => request.method() === "POST" && request.headers()["next-action"] !== undefined,
    );
    await newYork.goto("/progress");
    await expect(newYork.getByText(/in your time zone \(Asia\/Tokyo/)).toBeVisible();
    await (await sent).response();
    await newYork.reload();
    await expect(newYork.getByText(/in your time zone \(Asia\/Tokyo/)).toBeVisible();
    const row = await queryOne<{ timeZone: string; timeZoneSetBy: string }>(
      'SELECT "timeZone", "timeZoneSetBy" FROM "StudySettings" WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)',
      [account.email],
    );
    expect(row).toEqual({ timeZone: "Asia/Tokyo", timeZoneSetBy: "browser" });
  });
});
