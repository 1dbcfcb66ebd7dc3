import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./setup/accounts";
import { answerWithKeyboard } from "./support/study";

// A new learner studies three cards with the keyboard, then /progress shows those reviews; with an
// exam date it shows predicted recall per domain, a readiness estimate and a daily plan.

test("after studying, /progress shows the reviews, and an exam date gives readiness and a plan", async ({
  page,
}) => {
  const account = newAccount("Progress");
  await signUp(page, account);
  // Grades are saved in the background while the next card shows. Held back here for a moment,
  // they are still on their way when the learner opens Progress, which must count them once saved.
  await page.route("**/api/study/grade", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/study");
  const study = page.getByRole("region", { name: "Study session" });
  for (let i = 0; i < 3; i += 1) {
    await answerWithKeyboard(page);
    await expect(study.getByText(`Session progress: ${i + 1} of`)).toBeVisible();
  }

  await page.getByRole("navigation").getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  const totals = page
    .getByRole("list", { name: "Study totals" })
    .or(page.locator("dl[aria-label='Study totals']"));
  await expect(totals.getByText("Total reviews").locator("xpath=following-sibling::dd")).toHaveText("3");
  await expect(totals.getByText("Reviews today").locator("xpath=following-sibling::dd")).toHaveText("3");

  await page.getByText("Data table: Reviews per day (days with reviews, and today)").click();
  const perDay = page.getByRole("table", { name: "Reviews per day (days with reviews, and today)" });
  await expect(perDay.getByRole("row").nth(1).getByRole("cell")).toHaveText("3");
  await expect(page.getByText("Current streak: 1 days")).toBeVisible();
  // Charts are drawn once near the viewport (recharts renders an SVG surface per chart); the
  // heatmap at the bottom is drawn when scrolled to, in the place kept for it.
  await expect(page.locator(".progress-chart .recharts-surface").first()).toBeVisible();
  await page.getByRole("heading", { name: "Reviews over the last year" }).scrollIntoViewIfNeeded();
  const heatmap = page.getByRole("figure", { name: "Reviews per day over the last year" });
  // The drawn chart is reachable from the keyboard (recharts' accessibility layer).
  const surface = heatmap.getByRole("application");
  await expect(surface).toBeVisible();
  await expect(surface).toHaveAttribute("tabindex", "0");

  const exam = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Exam date", { exact: true }).fill(exam);
  await page.getByLabel("Target recall").fill("0.85");
  await page.getByRole("button", { name: "Save exam date" }).click();
  await expect(page.getByText(`Exam date saved: ${exam}.`)).toBeVisible();
  await expect(page.getByText(new RegExp(`Readiness on ${exam} \\(4[45] days left\\): \\d+%`))).toBeVisible();
  await expect(page.getByText(/95% interval \d+%–\d+%; target 85%/)).toBeVisible();
  const domains = page.getByRole("table", { name: "Predicted recall on the exam date by domain" });
  for (const domain of ["Design Secure Architectures", "Design Cost-Optimized Architectures"]) {
    await expect(domains.getByRole("rowheader", { name: domain })).toBeVisible();
  }
  await expect(domains.getByRole("row", { name: /Design Secure Architectures 30%/ })).toBeVisible();
  const plan = page.getByRole("list", { name: "Daily plan" });
  await expect(plan.getByText(/Review \d+ cards a day/)).toBeVisible();
  await expect(plan.getByText(/Learn \d+ new cards a day/)).toBeVisible();

  // Both are stored: a new visit shows the same exam date and target.
  await page.reload();
  await expect(page.getByLabel("Exam date", { exact: true })).toHaveValue(exam);
  await expect(page.getByLabel("Target recall")).toHaveValue("0.85");
  await expect(page.getByText(/95% interval \d+%–\d+%; target 85%/)).toBeVisible();

  // A target out of bounds is refused at its field, and nothing changes.
  await page.getByLabel("Target recall").fill("1.5");
  await page.getByRole("button", { name: "Save exam date" }).click();
  await expect(page.getByText("Target recall: at most 0.99")).toBeVisible();
  await expect(page.getByLabel("Target recall")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByLabel("Target recall")).toHaveValue("0.85");
});

test("a signed-out visitor is sent to sign in first", async ({ page }) => {
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprogress/);
});
