import { expect, type Page } from "@playwright/test";

/**
 * Answers whatever study card is showing, with the keyboard only: Space then 3 ("Good") for a
 * flashcard; for a practice question 1 (or typing, or one move of the order), Enter to check,
 * Enter for the next. Returns which kind it was.
 */
export async function answerWithKeyboard(page: Page): Promise<"card" | "question"> {
  const study = page.getByRole("region", { name: "Study session" });
  const showAnswer = study.getByRole("button", { name: "Show answer" });
  if (await showAnswer.isVisible()) {
    // The card's controls stay disabled until the page is hydrated and its keys work.
    await expect(showAnswer).toBeEnabled();
    await page.keyboard.press("Space");
    await expect(study.getByRole("button", { name: /^Good, next in/ })).toBeVisible();
    await page.keyboard.press("3");
    return "card";
  }
  await expect(study.getByRole("button", { name: "Check answer" })).toBeEnabled();
  const typed = study.getByLabel("Your answer");
  if (await typed.isVisible()) {
    // A typed-answer card puts focus in its field.
    await expect(typed).toBeFocused();
    await page.keyboard.type("2049");
  } else if (await study.getByRole("list", { name: "Put these in order" }).isVisible()) {
    // Enter never hands in an order the learner did not arrange: move one item first.
    await study.getByRole("button", { name: /down$/ }).first().click();
    await study.getByRole("heading", { level: 2 }).focus();
  } else {
    await page.keyboard.press("1");
    await expect(study.getByRole("group").first().locator("input:checked")).toHaveCount(1);
  }
  await page.keyboard.press("Enter");
  await expect(study.getByRole("button", { name: "Next" })).toBeVisible();
  await study.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  return "question";
}
