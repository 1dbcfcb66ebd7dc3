import { expect, test } from "@playwright/test";
import { cardStateSchema, DEFAULT_SETTINGS, type GradeName, gradeCard } from "../lib/srs";
import errors from "../messages/en/errors.json";
import { newAccount, signUp } from "./setup/accounts";
import { asDate, query } from "./support/database";
import { answerWithKeyboard } from "./support/study";

// A new learner studies with the keyboard alone, undoes a grade, and the review log in the real
// database matches what ts-fsrs computes; cram mode leaves the schedule untouched.

function reviewsOf(email: string) {
  return query<{
    id: string;
    kind: string;
    grade: string | null;
    stateBefore: string;
    stateAfter: string;
    serverTime: Date | string;
    undoneReviewId: string | null;
  }>(
    `SELECT r."id", r."kind", r."grade", r."stateBefore", r."stateAfter", r."serverTime", r."undoneReviewId"
       FROM "Review" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = ? ORDER BY r."serverTime", r."id"`,
    [email],
  );
}

function cardsOf(email: string) {
  return query<{ questionId: string; side: string; reps: number; due: Date | string }>(
    `SELECT c."questionId", c."side", c."reps", c."due" FROM "StudyCard" c JOIN "User" u ON u."id" = c."userId"
      WHERE u."email" = ? ORDER BY c."questionId", c."side"`,
    [email],
  );
}

test.describe("studying", () => {
  test("a new learner works through 10 cards with the keyboard, undoes one, and the log matches ts-fsrs", async ({
    page,
  }) => {
    const account = newAccount("Student");
    await signUp(page, account);
    await page.goto("/study");
    await expect(page.getByRole("heading", { name: "Study", level: 1 })).toBeVisible();
    const study = page.getByRole("region", { name: "Study session" });
    const counts = study.getByRole("definition");
    await expect(counts.first()).not.toHaveText("0");
    // The session's size is the day's cards (20 new by default), not the few loaded ahead.
    await expect(study.getByText("Session progress: 0 of 20")).toBeVisible();

    const kinds: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      kinds.push(await answerWithKeyboard(page));
      await expect(study.getByText(`Session progress: ${i + 1} of`)).toBeVisible();
    }
    await expect
      .poll(async () => (await reviewsOf(account.email)).filter((r) => r.kind === "grade").length)
      .toBe(10);

    await page.keyboard.press("z");
    await expect(study.getByText("Session progress: 9 of")).toBeVisible();
    await expect
      .poll(async () => (await reviewsOf(account.email)).filter((r) => r.kind === "undo").length)
      .toBe(1);

    const log = await reviewsOf(account.email);
    const undone = new Set(log.filter((r) => r.kind === "undo").map((r) => r.undoneReviewId));
    expect(undone.size).toBe(1);
    for (const review of log.filter((r) => r.kind === "grade")) {
      const before = cardStateSchema.parse(JSON.parse(review.stateBefore));
      const after = cardStateSchema.parse(JSON.parse(review.stateAfter));
      const expected = gradeCard(
        before,
        review.grade as GradeName,
        DEFAULT_SETTINGS,
        asDate(review.serverTime),
      ).after;
      expect(after).toEqual(expected);
    }
    // The undone card is new again and the other nine each have one review.
    const cards = await cardsOf(account.email);
    expect(cards.filter((c) => c.reps === 1)).toHaveLength(9);
    expect(kinds).toContain("card");
    expect(kinds).toContain("question");
  });

  test("cram mode practises without touching the schedule", async ({ page }) => {
    const account = newAccount("Crammer");
    await signUp(page, account);
    await page.goto("/study");
    await answerWithKeyboard(page);
    await expect.poll(async () => (await reviewsOf(account.email)).length).toBe(1);
    const cardsBefore = JSON.stringify(await cardsOf(account.email));

    await page.goto("/study?mode=cram");
    await expect(page.getByText("Cram: schedule unchanged")).toBeVisible();
    for (let i = 0; i < 3; i += 1) await answerWithKeyboard(page);
    await page.waitForTimeout(300);
    expect(await reviewsOf(account.email)).toHaveLength(1);
    expect(JSON.stringify(await cardsOf(account.email))).toBe(cardsBefore);
  });

  test("a revealed answer plays its simulation, with the deciding rule and its AWS page", async ({
    page,
  }) => {
    const account = newAccount("Viewer");
    await signUp(page, account);
    // One shipped topic: other specs may load banks of their own into the same database.
    await page.goto("/study?mode=cram&topic=launch-types");
    const study = page.getByRole("region", { name: "Study session" });
    const show = study.getByRole("button", { name: "Show the simulation" });
    for (let i = 0; i < 25 && !(await show.isVisible()); i += 1) {
      if (await study.getByRole("button", { name: "Next" }).isVisible()) {
        await study.getByRole("button", { name: "Next" }).click();
        continue;
      }
      if (await study.getByRole("button", { name: "Show answer" }).isVisible()) {
        await study.getByRole("button", { name: "Show answer" }).click();
        if (await show.isVisible()) break;
        await study.getByRole("button", { name: /^Good/ }).click();
        continue;
      }
      if (await study.getByLabel("Your answer").isVisible())
        await study.getByLabel("Your answer").fill("2049");
      else if (!(await study.getByRole("list", { name: "Put these in order" }).isVisible()))
        await page.keyboard.press("1");
      await study.getByRole("button", { name: "Check answer" }).click();
    }
    await show.click();
    const verdict = study.getByRole("region", { name: "Verdict" });
    await expect(verdict).toBeVisible();
    await expect(verdict.getByRole("heading", { name: /Verdict:/ })).toBeVisible();
    await expect(verdict.getByRole("link", { name: /AWS page for R\d\d/ }).first()).toBeVisible();
  });

  test("tells the learner a grade was NOT saved when the server's storage is unavailable", async ({
    page,
  }) => {
    const account = newAccount("Student");
    await signUp(page, account);
    // The server's own answer on a read-only or full disk (scripts/bench/faults.ts provokes the
    // real thing; here the browser gets it without breaking the shared e2e database).
    let refused = 0;
    await page.route("**/api/study/grade", async (route) => {
      refused += 1;
      await route.fulfill({
        status: 503,
        contentType: "application/json",
        headers: { "Retry-After": "60" },
        body: JSON.stringify({
          ok: false,
          reason: "storage-unavailable",
          formError: errors.refusals.storageUnavailable,
        }),
      });
    });
    await page.goto("/study");
    await answerWithKeyboard(page);
    const study = page.getByRole("region", { name: "Study session" });
    await expect(study.getByRole("alert")).toContainText("your answer was NOT saved");
    expect(refused).toBe(1);
    expect(await reviewsOf(account.email)).toHaveLength(0);
  });

  test("keys never act in a text field; a typed-answer card takes focus, and typing before clicking into it never undoes", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const account = newAccount("Typist");
    await signUp(page, account);
    // One shipped topic whose fourth and fifth questions are a typed answer and an ordering.
    await page.goto("/study?topic=cluster-placement");
    const study = page.getByRole("region", { name: "Study session" });
    await answerWithKeyboard(page);
    await expect(study.getByText(/^Session progress: 1 of \d+$/)).toBeVisible();

    // In the report's text field, Z, digits and Space are text: no undo, no grade, no reveal.
    await study.getByRole("button", { name: "Report a problem" }).click();
    const details = study.getByLabel("Details");
    await details.click();
    await page.keyboard.type("z 1 3 z");
    await expect(details).toHaveValue("z 1 3 z");
    await expect(study.getByText(/^Session progress: 1 of \d+$/)).toBeVisible();
    await expect(study.getByText(/^Grade undone/)).toHaveCount(0);
    await study.getByRole("button", { name: "Report a problem" }).click();
    await study.getByRole("heading", { level: 2 }).focus();

    const typed = study.getByLabel("Your answer");
    const ordering = study.getByRole("list", { name: "Put these in order" });
    let sawTyped = false;
    let sawOrdering = false;
    for (let i = 0; i < 25 && !(sawTyped && sawOrdering); i += 1) {
      await expect(study.getByRole("heading", { level: 2 })).toBeVisible();
      if (!sawTyped && (await typed.isVisible())) {
        sawTyped = true;
        const title = (await study.getByRole("heading", { level: 2 }).textContent()) ?? "";
        await expect(typed).toBeFocused();
        await expect(study.getByText("Type your answer · Enter to check")).toBeVisible();
        // The learner clicked away, then types: the letters go into the answer, Z included.
        await study.getByRole("heading", { level: 2 }).focus();
        await page.keyboard.type("az");
        await expect(typed).toHaveValue("az");
        await expect(typed).toBeFocused();
        await page.waitForTimeout(300);
        expect((await reviewsOf(account.email)).filter((r) => r.kind === "undo")).toHaveLength(0);
        await expect(study.getByText(/^Grade undone/)).toHaveCount(0);
        await page.keyboard.press("Enter");
        await expect(study.getByText("✗ Not quite")).toBeVisible();
        // Undo is a visible control with visible feedback naming the card.
        await study.getByRole("button", { name: "Undo last grade" }).click();
        await expect(study.getByRole("status").filter({ hasText: `Grade undone — ${title}` })).toBeVisible();
        await expect
          .poll(async () => (await reviewsOf(account.email)).filter((r) => r.kind === "undo").length)
          .toBe(1);
        await expect(typed).toHaveValue("");
        await expect(typed).toBeFocused();
        await page.screenshot({ path: testInfo.outputPath("study-undo-1280.png"), fullPage: true });
        await page.setViewportSize({ width: 375, height: 812 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await page.screenshot({ path: testInfo.outputPath("study-undo-375.png"), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 800 });
      } else if (!sawOrdering && (await ordering.isVisible())) {
        sawOrdering = true;
        await expect(study.getByText("Arrange with ↑ and ↓ · then Enter to check")).toBeVisible();
        await expect(study.getByText(/to pick/)).toHaveCount(0);
        // Enter alone never hands in the shuffled order: it says what to do instead.
        await study.getByRole("heading", { level: 2 }).focus();
        await page.keyboard.press("Enter");
        await expect(study.getByRole("status").filter({ hasText: "Put the items in order" })).toBeVisible();
        await expect(study.getByRole("button", { name: "Next" })).toHaveCount(0);
        await page.keyboard.press("1");
        await expect(study.getByRole("button", { name: "Next" })).toHaveCount(0);
        await page.screenshot({ path: testInfo.outputPath("study-ordering-1280.png"), fullPage: true });
      }
      await answerWithKeyboard(page);
    }
    expect(sawTyped).toBe(true);
    expect(sawOrdering).toBe(true);
  });

  test("session progress counts each of the day's cards once at a learner's pace", async ({ page }) => {
    test.setTimeout(180_000);
    const account = newAccount("Paced");
    await signUp(page, account);
    // The page's clock runs as usual; after each card it jumps half a minute, a learner's pace, so
    // cards in a one-minute learning step come back within the session.
    await page.clock.install();
    await page.goto("/study");
    const study = page.getByRole("region", { name: "Study session" });
    const progress = study.getByText(/^Session progress: \d+ of \d+$/);
    await expect(progress).toHaveText("Session progress: 0 of 20");
    let done = 0;
    let returned = 0;
    // Wrong answers come back after a minute and come before new cards; pressing "1" answers some
    // questions wrong every time, so the day may never end at this pace. What counts is each turn:
    // the total stays the day's 20 and only a first sight of a card moves "done".
    for (let i = 0; i < 80 && (done < 20 || returned === 0); i += 1) {
      const studyNow = study.getByRole("button", { name: "Study it now" });
      if (await studyNow.isVisible()) await studyNow.click();
      await expect(study.getByRole("heading", { level: 2 })).toBeVisible();
      const isNew = await study.getByText("new", { exact: true }).isVisible();
      await answerWithKeyboard(page);
      await page.clock.fastForward("00:30");
      const [seen, total] = ((await progress.textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
      expect(total).toBe(20);
      expect(seen).toBe(isNew ? done + 1 : done);
      if (!isNew) returned += 1;
      done = seen ?? done;
    }
    expect(done).toBeGreaterThanOrEqual(10);
    expect(returned).toBeGreaterThan(0);
  });

  test("a key pressed before the page is ready is refused visibly, not lost silently", async ({ page }) => {
    const account = newAccount("Early");
    await signUp(page, account);
    // Hold the page's scripts back so the server's HTML stays on screen without them for a while.
    await page.route("**/_next/static/chunks/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto("/study", { waitUntil: "domcontentloaded" });
    const study = page.getByRole("region", { name: "Study session" });
    await expect(study.getByText("Getting the card ready…")).toBeVisible();
    const primary = study.getByRole("button", { name: /^(Show answer|Check answer)$/ });
    await expect(primary).toBeDisabled();
    await expect(study.getByText("Getting the card ready…")).toHaveCount(0, { timeout: 20_000 });
    await expect(primary).toBeEnabled();
    await answerWithKeyboard(page);
    await expect(study.getByText("Session progress: 1 of 20")).toBeVisible();
  });

  test("a signed-out visitor is sent to sign in first", async ({ page }) => {
    await page.goto("/study");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fstudy/);
  });
});
