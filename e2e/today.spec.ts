import { type Browser, expect, type Page, test } from "@playwright/test";
import { newAccount, STORAGE_STATE, submitSignUp } from "./setup/accounts";
import { query, queryOne } from "./support/database";

// Issue 16: a signed-in learner lands on Today and starts studying with one key press; the join,
// quiz-status and instructor-page words a first-time user reads. Every page a test here changed is
// photographed at 1280 and 375 px (test-results/screens/) and checked for sideways scrolling.

/** Photographs the page at desktop and phone width and fails when the phone view scrolls sideways. */
async function lookAt(page: Page, name: string) {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(before);
}

/** The text of the first control in the main content a Tab would reach. */
const firstControlInMain = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector("main");
    const control = main?.querySelector<HTMLElement>(
      'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])',
    );
    return control?.textContent?.trim() ?? null;
  });

async function signUpFresh(browser: Browser, label: string, timezoneId?: string) {
  const page = await (await browser.newContext(timezoneId ? { timezoneId } : {})).newPage();
  const account = newAccount(label);
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await submitSignUp(page);
  await expect(page).toHaveURL(/\/$/);
  return { page, account };
}

test.describe("Today", () => {
  test("a new learner signs up, lands on Today, and one Enter starts studying", async ({ browser }) => {
    const { page } = await signUpFresh(browser, "Tess");
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    const go = page.getByRole("link", { name: "Continue studying" });
    await expect(go).toBeFocused();
    expect(await firstControlInMain(page)).toBe("Continue studying");
    await expect(page.getByRole("main")).toContainText("Due now");
    await expect(page.getByRole("main")).toContainText("New left today");
    await expect(page.getByText(/new cards? left for today/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Set your exam date" })).toBeVisible();
    await lookAt(page, "today-new-learner");

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/study$/);
    await expect(page.getByRole("region", { name: "Study session" })).toBeVisible();

    // Space works as well, as on a button.
    await page.goto("/");
    await expect(go).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/\/study$/);
  });

  test("sign-in lands on Today too, and a visitor still gets the home page with topic links", async ({
    browser,
  }) => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/");
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(/Study for your AWS exam/);
    const topic = visitor.getByRole("list", { name: "Topics" }).getByRole("link").first();
    const href = (await topic.getAttribute("href")) ?? "";
    expect(decodeURIComponent(href)).toMatch(/^\/sign-up\?next=\/study\?topic=[a-z0-9-]+$/);
    await lookAt(visitor, "home-visitor");

    // Sign up from a topic card: straight to studying that topic.
    await topic.click();
    const account = newAccount("Topa");
    await visitor.getByLabel("Name", { exact: true }).fill(account.name);
    await visitor.getByLabel("Email", { exact: true }).fill(account.email);
    await visitor.getByLabel("Password", { exact: true }).fill(account.password);
    await submitSignUp(visitor);
    await expect(visitor).toHaveURL(/\/study\?topic=[a-z0-9-]+$/);

    await visitor.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(visitor.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await visitor.goto("/sign-in");
    await visitor.getByLabel("Email", { exact: true }).fill(account.email);
    await visitor.getByLabel("Password", { exact: true }).fill(account.password);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor).toHaveURL(/\/$/);
    await expect(visitor.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  });

  test("a class quiz: join message, dates on each reader's clock, status from not started to time ran out", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    // The instructor works in Paris, the learner in New York: each reads times on their own clock.
    const teacherContext = await browser.newContext({
      storageState: STORAGE_STATE.instructor,
      timezoneId: "Europe/Paris",
    });
    await teacherContext.grantPermissions(["clipboard-read", "clipboard-write"]);
    const teacher = await teacherContext.newPage();
    const className = `Today class ${Date.now().toString(36)}`;
    const quizTitle = `Today quiz ${Date.now().toString(36)}`;
    await teacher.goto("/classes");
    await teacher.getByLabel("Class name").fill(className);
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeVisible();
    const code = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
    const joinLink = teacher.getByRole("link", { name: new RegExp(`/join/${code}$`) });
    expect(await joinLink.getAttribute("href")).toMatch(new RegExp(`^http://[^/]+/join/${code}$`));
    await teacher.getByRole("button", { name: "Copy link" }).click();
    await expect(teacher.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(
      await joinLink.getAttribute("href"),
    );

    await teacher.getByRole("link", { name: "New quiz" }).click();
    await teacher.getByLabel("Quiz title").fill(quizTitle);
    await teacher.getByRole("group", { name: "Fixed list" }).getByRole("checkbox").first().check();
    await teacher.getByLabel("Time limit in minutes (empty: none)").fill("30");
    await expect(teacher.getByLabel(/^Opens \(your time, Europe\/Paris/)).toBeVisible();
    await teacher.getByLabel(/^Closes \(your time/).fill("2030-01-15T09:00");
    await lookAt(teacher, "quiz-builder");
    await teacher.getByRole("button", { name: "Create quiz" }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
    // 09:00 in Paris is 08:00 UTC: the browser sent the instant, not the wall-clock time.
    const stored = await queryOne<{ closesAt: Date | string | number }>(
      'SELECT "closesAt" FROM "Quiz" WHERE "title" = ?',
      [quizTitle],
    );
    expect(new Date(stored?.closesAt ?? 0).toISOString()).toBe("2030-01-15T08:00:00.000Z");
    await expect(teacher.getByText("Closes: Tue, Jan 15, 2030, 9:00 AM GMT+1")).toBeVisible();
    await expect(teacher.getByText("Feedback: answers and explanations show after submitting")).toBeVisible();
    await expect(teacher.getByText(/after-submit/)).toHaveCount(0);
    await lookAt(teacher, "quiz-manage");
    await teacher.getByRole("link", { name: "Edit settings" }).click();
    await expect(teacher.getByLabel(/^Closes \(your time/)).toHaveValue("2030-01-15T09:00");
    await lookAt(teacher, "quiz-edit");

    // The learner joins by the link and is told so.
    const { page: learner, account } = await signUpFresh(browser, "Jo", "America/New_York");
    await learner.goto(`/join/${code}`);
    await learner.getByRole("button", { name: "Join class" }).click();
    await expect(learner.getByRole("status").filter({ hasText: `You joined ${className}.` })).toBeVisible();
    const row = learner
      .getByRole("list", { name: "Your quizzes" })
      .getByRole("listitem")
      .filter({ hasText: quizTitle });
    await expect(row).toContainText("Not started");
    await expect(row).toContainText("closes Tue, Jan 15, 2030, 3:00 AM EST");
    await expect(row).toContainText(className);
    await lookAt(learner, "quizzes-joined");

    await learner.goto("/");
    const waiting = learner.getByRole("list", { name: "Class quizzes to take" });
    await expect(waiting.getByRole("link", { name: quizTitle })).toBeVisible();
    await lookAt(learner, "today-with-quiz");

    await waiting.getByRole("link", { name: quizTitle }).click();
    await expect(learner.getByText("Closes Tue, Jan 15, 2030, 3:00 AM EST")).toBeVisible();
    await learner.getByRole("button", { name: "Start attempt" }).click();
    await expect(learner).toHaveURL(/\/attempts\/[^/]+$/);
    const attemptId = learner.url().split("/").pop() ?? "";

    await learner.goto("/quizzes");
    await expect(row).toContainText(/In progress · (29|30) minutes left \(ends /);
    await learner.goto("/");
    await expect(learner.getByRole("list", { name: "Quizzes in progress" })).toContainText(quizTitle);
    await expect(learner.getByRole("list", { name: "Class quizzes to take" })).toHaveCount(0);

    // Time runs out while the learner is away: the list says so, with the score.
    await query('UPDATE "QuizAttempt" SET "deadline" = ? WHERE "id" = ?', [
      new Date(Date.now() - 60_000),
      attemptId,
    ]);
    await learner.goto("/quizzes");
    await expect(row).toContainText("Time ran out");
    await expect(row.getByRole("link", { name: "0%, not passed" })).toBeVisible();

    // The class page: the learner by name, and the danger buttons drawn as danger buttons.
    await teacher.goto("/classes");
    await teacher.getByRole("link", { name: className }).click();
    await teacher.getByRole("button", { name: `Remove ${account.name}…` }).click();
    const remove = teacher.getByRole("button", { name: `Remove ${account.name}`, exact: true });
    const bad = await teacher.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = "var(--bad)";
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    await expect(remove).toHaveCSS("color", bad);
    await expect(remove).toHaveCSS("border-top-color", bad);
    await expect(teacher.getByRole("button", { name: `Remove and block ${account.name}` })).toHaveCSS(
      "color",
      bad,
    );
    await lookAt(teacher, "class-page");
    await teacher.getByRole("button", { name: `Keep ${account.name}` }).click();
    await teacherContext.close();
  });

  test("the exam builder counts only the questions an exam can draw", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.learner })).newPage();
    const counts = await query<{ topic: string; n: number | string }>(
      `SELECT q."topic" AS "topic", COUNT(*) AS "n" FROM "Question" q JOIN "Bank" b ON b."id" = q."bankId"
       WHERE q."retiredAt" IS NULL AND q."kind" NOT IN ('flashcard', 'cloze') AND b."visibility" IN ('public', 'published')
       GROUP BY q."topic"`,
    );
    const placement = counts.find((c) => c.topic === "cluster-placement");
    expect(placement, "the shipped cluster-placement bank is loaded").toBeTruthy();
    await page.goto("/exam");
    await expect(
      page.getByRole("checkbox", { name: `Cluster placement (${Number(placement?.n)})` }),
    ).toBeVisible();
    await lookAt(page, "exam-builder");
  });
});

test.describe("a learner on an instructor's page", () => {
  test.use({ storageState: STORAGE_STATE.learner });
  test("is told the page is for instructors and where to go instead", async ({ page }) => {
    await page.goto("/teach/banks");
    await expect(page.getByRole("heading", { level: 1, name: "This page is for instructors" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "Join a class" })).toBeVisible();
    await lookAt(page, "teach-learner");
  });
});

test.describe("the first account (admin)", () => {
  test.use({ storageState: STORAGE_STATE.admin });
  test("reads why it has three roles and what People is for", async ({ page }) => {
    await page.goto("/account");
    await expect(page.getByText(/first account on this Taskdeck/)).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "People" })).toHaveAttribute(
      "href",
      "/admin",
    );
    await lookAt(page, "account-admin");
    await page.goto("/admin");
    await expect(page.getByText(/the first account on a fresh install becomes admin/)).toBeVisible();
    await lookAt(page, "admin");
  });
});
