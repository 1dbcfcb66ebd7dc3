import { expect, type Locator, type Page, test } from "@playwright/test";
import { newAccount, signUp } from "./setup/accounts";
import { query, queryOne } from "./support/database";
import { ensureTestBank } from "./support/seed-bank";

// Issue 20: a learner whose browser asks for Korean takes a practice exam in Korean, from the
// builder to the results, with clicks and digit keys; switching to English and back, mid-attempt
// and after submitting, changes nothing about the attempt or its answers. Set TASKDECK_SHOTS=1 to
// save screenshots of the runner and the results at 1280 and 375 px under /tmp/s6/shots/.

test.use({ locale: "ko-KR" });

const KO_BANK = `---
id: e2e-ko-exam
title: Korean exam bank
topic: e2e-ko-exam
domains:
  - Ko Domain
---

## Ko single {#e2e-ko-single}

kind: single · difficulty: 2 · tags: ko

Which network mode must a Fargate task use?

- [ ] bridge
  - why: Fargate supports only awsvpc.
- [x] awsvpc
- [ ] host
  - why: Fargate supports only awsvpc.

## Ko multiple {#e2e-ko-multiple}

kind: multiple · difficulty: 1 · tags: ko

Which are ECS launch types? Choose two.

- [x] EC2
- [x] Fargate
- [ ] Lambda
  - why: Lambda is another service.

## Ko true or false {#e2e-ko-tf}

kind: true-false · difficulty: 1 · tags: ko

The ECS agent uses the task execution role to pull private images from Amazon ECR.

- [x] True
- [ ] False
`;

/** Puts the bank into the running server's database (once), as bank sync would. */
async function ensureBank(): Promise<void> {
  await ensureTestBank(KO_BANK, "content/e2e-ko-exam.md");
}

/** The attempt's saved answers, as the server holds them. */
const savedAnswers = (attemptId: string) =>
  query<{ questionId: string; answer: string | null; flagged: boolean | number }>(
    'SELECT "questionId", "answer", "flagged" FROM "AttemptAnswer" WHERE "attemptId" = ? ORDER BY "questionId"',
    [attemptId],
  );

/** Presses the header's language switch (a plain form) and waits for the page in the other language. */
async function switchLanguage(page: Page, to: "en" | "ko") {
  const name = to === "en" ? "English" : "한국어";
  await page
    .getByRole("banner")
    .getByRole("button", { name: new RegExp(name) })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}

async function shoot(page: Page, name: string) {
  if (!process.env.TASKDECK_SHOTS) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/s6/shots/quiz-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Answers the question on screen by its title: a click for the single choice, digits for the rest. */
async function answer(page: Page, runner: Locator) {
  const heading = runner.getByRole("heading", { level: 2 });
  const title = (await heading.textContent()) ?? "";
  const keys = runner.locator(".quiz-keys");
  if (title.includes("Ko single")) {
    await expect(keys).toContainText("1–3: 선택");
    await runner.getByText("awsvpc", { exact: true }).click();
    await expect(runner.getByRole("radio", { name: "awsvpc" })).toBeChecked();
  } else if (title.includes("Ko multiple")) {
    await expect(keys).toContainText("1–3: 선택 또는 해제");
    await page.keyboard.press("1");
    await page.keyboard.press("2");
    await expect(runner.getByRole("checkbox", { checked: true })).toHaveCount(2);
    await expect(runner.getByText("2개를 고르세요.")).toBeVisible();
  } else {
    await expect(keys).toContainText("1–2: 선택");
    await page.keyboard.press("1");
    await expect(runner.getByRole("radio", { checked: true })).toHaveCount(1);
  }
}

test("a Korean learner takes a practice exam in Korean and keeps it across a switch to English and back", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  await ensureBank();
  // The account is made in English (the sign-up form is another area's), then used in Korean.
  const signUpContext = await browser.newContext({ locale: "en-US" });
  await signUp(await signUpContext.newPage(), newAccount("Ko exam"));
  const storageState = await signUpContext.storageState();
  await signUpContext.close();
  const page = await (await browser.newContext({ locale: "ko-KR", storageState })).newPage();

  await page.goto("/exam");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page).toHaveTitle(/^모의고사/);
  await expect(page.getByRole("heading", { level: 1, name: "모의고사" })).toBeVisible();
  await page.getByRole("checkbox", { name: /^E2e ko exam/i }).check();
  await page.getByLabel("문제 수", { exact: true }).fill("3");
  await page.getByLabel("시간(분)", { exact: true }).fill("20");
  await page.getByRole("button", { name: "모의고사 만들기" }).click();

  await expect(page.getByText("제한 시간: 20분")).toBeVisible();
  await expect(page.getByText("합격: 1000점 중 720점")).toBeVisible();
  await page.getByRole("button", { name: "응시 시작" }).click();
  const runner = page.getByRole("region", { name: "퀴즈 응시" });
  await expect(runner.getByText("남은 시간")).toBeVisible();
  await expect(runner.getByRole("timer", { name: "남은 시간" })).toHaveText(/^(20:00|19:\d\d)$/);
  const nav = runner.getByRole("navigation", { name: "문제 목록" });
  await expect(nav.getByRole("button", { name: "1번 문제, 답하지 않음" })).toBeVisible();

  for (let i = 0; i < 3; i++) {
    await answer(page, runner);
    if (i === 1) await runner.getByRole("checkbox", { name: "검토 표시" }).check();
    await expect(runner.getByText("모든 답을 저장했습니다")).toBeVisible();
    if (i < 2) await runner.getByRole("button", { name: "다음", exact: true }).click();
  }
  await expect(nav.getByRole("button", { name: "2번 문제, 답함, 표시함" })).toBeVisible();
  await shoot(page, "runner");
  const attemptId = page.url().split("/").pop() ?? "";
  await expect
    .poll(async () => (await savedAnswers(attemptId)).filter((row) => row.answer !== null).length)
    .toBe(3);
  await expect
    .poll(async () => (await savedAnswers(attemptId)).filter((row) => Boolean(row.flagged)).length)
    .toBe(1);
  const before = await savedAnswers(attemptId);

  // Mid-attempt: English and back keeps every answer and the flag.
  await switchLanguage(page, "en");
  const englishRunner = page.getByRole("region", { name: "Quiz attempt" });
  await expect(englishRunner.getByRole("button", { name: "Question 2, answered, flagged" })).toBeVisible();
  await expect(englishRunner.getByRole("button", { name: /, answered/ })).toHaveCount(3);
  await switchLanguage(page, "ko");
  await expect(nav.getByRole("button", { name: /, 답함/ })).toHaveCount(3);
  expect(await savedAnswers(attemptId)).toEqual(before);

  await runner.getByRole("button", { name: "검토", exact: true }).click();
  await expect(runner.getByRole("heading", { name: "제출하기 전에 검토하세요" })).toBeVisible();
  await expect(runner.getByText("3문제 중 3문제에 답했습니다.")).toBeVisible();
  await expect(runner.getByRole("heading", { name: "검토 표시한 문제(1)" })).toBeVisible();
  await runner.getByRole("button", { name: "답안 제출" }).click();
  const dialog = page.getByRole("dialog", { name: "답안을 제출할까요?" });
  await expect(dialog).toContainText("3문제 중 3문제에 답했습니다. 제출하면 답을 더 이상 바꿀 수 없습니다.");
  await expect(dialog.getByRole("list", { name: "표시한 문제" })).toContainText("2번 문제로 이동");
  await expect(dialog.getByRole("button", { name: "계속 풀기" })).toBeFocused();
  await dialog.getByRole("button", { name: "지금 제출" }).click();

  await expect(page.getByRole("heading", { name: "내 결과" })).toBeVisible();
  await expect(page.getByText(/환산 점수 1000점 중 [\d,]+점\(720점 이상 합격\)/)).toBeVisible();
  await expect(page.getByRole("table", { name: "도메인별" })).toContainText("Ko Domain");
  await expect(page.getByRole("heading", { name: "문제", exact: true })).toBeVisible();
  await expect(page.getByText(/내 답: awsvpc/)).toBeVisible();
  await shoot(page, "results");
  const results = page.locator(".quiz-results");
  const koreanResults = (await results.textContent()) ?? "";
  const finished = await queryOne<{ status: string; correct: number; scaledScore: number }>(
    'SELECT "status", "correct", "scaledScore" FROM "QuizAttempt" WHERE "id" = ?',
    [attemptId],
  );
  expect(finished?.status).toBe("submitted");

  // After submitting: English and back shows the same attempt, graded the same.
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
  // The score is written as the exam's scale is ("1000", like its "of 1000"), never "1,000".
  await expect(page.getByText(`Scaled score ${finished?.scaledScore} of 1000 (720 to pass)`)).toBeVisible();
  await switchLanguage(page, "ko");
  await expect(results).toHaveText(koreanResults);
  expect(await savedAnswers(attemptId)).toEqual(before);
  expect(
    await queryOne('SELECT "status", "correct", "scaledScore" FROM "QuizAttempt" WHERE "id" = ?', [
      attemptId,
    ]),
  ).toEqual(finished);
});
