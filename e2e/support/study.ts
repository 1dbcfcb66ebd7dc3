import { expect, type Page } from "@playwright/test";

/**
 * Answers whatever study card is showing, with the keyboard only: Space then 3 ("Good") for a
 * flashcard; for a practice question 1 (or typing, or the given order), Enter to check, Enter for
 * the next. Returns which kind it was.
 */
export async function answerWithKeyboard(page: Page): Promise<"card" | "question"> {
  const study = page.getByRole("region", { name: "Study session" });
  if (await study.getByRole("button", { name: "Show answer" }).isVisible()) {
    await page.keyboard.press("Space");
    await expect(study.getByRole("button", { name: /^Good, next in/ })).toBeVisible();
    await page.keyboard.press("3");
    return "card";
  }
  const typed = study.getByLabel("Your answer");
  if (await typed.isVisible()) {
    for (let i = 0; i < 12 && !(await typed.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type("2049");
  } else if (!(await study.getByRole("list", { name: "Put these in order" }).isVisible())) {
    // The card's key handler arrives with hydration: a key pressed before it is lost, so press "1"
    // until the first option is picked (pressing it again keeps the same pick).
    const options = study.getByRole("group").first();
    await expect(async () => {
      await page.keyboard.press("1");
      await expect(options.locator("input:checked")).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 7000 });
  }
  await page.keyboard.press("Enter");
  await expect(study.getByRole("button", { name: "Next" })).toBeVisible();
  await study.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  return "question";
}
