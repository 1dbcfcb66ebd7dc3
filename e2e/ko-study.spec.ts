import { expect, type Locator, type Page, test } from "@playwright/test";
import { newAccount } from "./setup/accounts";

// A learner whose browser asks for Korean signs up, studies flashcards in Korean (a grade button
// and the keys), switches the interface to English and back in the middle of the session without
// losing its progress or counts, and reads their Progress page in Korean.

test.use({ locale: "ko-KR" });

/** A bank of flashcards only, so every card is graded with the four grade buttons or keys 1–4. */
const CARDS = "/study?bank=ecs-iam-cards";

/** Until the shell's pages are translated, the sign-up form may still be English. */
async function signUpInKorean(page: Page, account: ReturnType<typeof newAccount>) {
  await page.goto("/sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByLabel(/^(이름|Name)$/).fill(account.name);
  await page.getByLabel(/^(이메일|Email)$/).fill(account.email);
  await page.getByLabel(/^(비밀번호|Password)$/).fill(account.password);
  await page.getByRole("button", { name: /^(회원가입|Sign up)$/ }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The bar's numbers: session progress and the New / Learning / Due counts, as one string. */
async function sessionNumbers(study: Locator): Promise<string> {
  const progress = study.locator(".study__progress progress");
  const counts = await study.getByRole("definition").allTextContents();
  return `${await progress.getAttribute("value")}/${await progress.getAttribute("max")} ${counts.join(",")}`;
}

async function shot(page: Page, name: string) {
  if (!process.env.KO_SHOTS) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/s6/shots/study-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a Korean learner studies, switches to English and back mid-session, and reads Progress in Korean", async ({
  page,
}) => {
  const account = newAccount("Hangul");
  await signUpInKorean(page, account);

  await page.goto(CARDS);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "학습", level: 1 })).toBeVisible();
  const study = page.getByRole("region", { name: "학습 세션" });
  await expect(study.getByRole("definition").first()).not.toHaveText("0");
  await expect(study.getByText(/^세션 진행: \d+장 중 0장$/)).toBeVisible();

  // A grade button: its name says the grade and when the card comes back, in Korean.
  const show = study.getByRole("button", { name: "답 보기" });
  await expect(show).toBeEnabled();
  await expect(study.getByText("Space 또는 Enter")).toBeVisible();
  await show.click();
  const good = study.getByRole("button", { name: /^알맞음, 다음 복습 \d+(분|시간|일) 후 \(3 키\)$/ });
  await expect(good).toBeVisible();
  await expect(study.getByRole("button", { name: /^다시, / })).toBeVisible();
  await expect(study.getByText("1–4 키로 평가 · Z 키로 마지막 평가 취소")).toBeVisible();
  await good.click();
  await expect(study.getByText(/^세션 진행: \d+장 중 1장$/)).toBeVisible();

  // The keys: Space shows the answer, 3 grades it "알맞음".
  await expect(show).toBeEnabled();
  await page.keyboard.press("Space");
  await expect(good).toBeVisible();
  await page.keyboard.press("3");
  await expect(study.getByText(/^세션 진행: \d+장 중 2장$/)).toBeVisible();
  await shot(page, "session");

  // English and back: the same session, the same numbers, nothing reloaded or reset.
  const before = await sessionNumbers(study);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const studyEn = page.getByRole("region", { name: "Study session" });
  await expect(studyEn.getByText(/^Session progress: 2 of \d+$/)).toBeVisible();
  expect(await sessionNumbers(studyEn)).toBe(before);
  await expect(studyEn.getByRole("button", { name: "Show answer" })).toBeVisible();

  await page.getByRole("button", { name: /한국어/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(study.getByText(/^세션 진행: \d+장 중 2장$/)).toBeVisible();
  expect(await sessionNumbers(study)).toBe(before);

  // Undo speaks Korean too, and the card comes back.
  await page.keyboard.press("z");
  await expect(study.getByRole("status").filter({ hasText: /^평가를 취소했습니다 — / })).toBeVisible();
  await expect(study.getByText(/^세션 진행: \d+장 중 1장$/)).toBeVisible();

  // Progress in Korean, counting the one grading left after the undo (saved in the background).
  await expect(async () => {
    await page.goto("/progress");
    // A <dl> has no list role in Chromium's tree: find it by its label.
    const totals = page.locator("dl[aria-label='학습 합계']");
    await expect(totals.getByText("전체 복습").locator("xpath=following-sibling::dd")).toHaveText("1", {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "진행 상황", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "시험 준비도 (SAA-C03)" })).toBeVisible();
  await expect(page.getByText("현재 연속 학습: 1일 · 최장 연속 학습: 1일")).toBeVisible();
  await expect(page.getByRole("button", { name: "시험일 저장" })).toBeVisible();
  await expect(page).toHaveTitle(/진행 상황/);
  await shot(page, "progress");
});
