import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { taskListBank } from "@/lib/testing/task-list-bank";
import { STORAGE_STATE } from "./setup/accounts";

// Issue 16 item 2 and issue 17 items 1 and 3 in the browser, on the production build: a bank
// with errors keeps the text and the chosen file and shows each error beside its line; a public
// task-list bank with thousands of warnings is saved and studied; an Anki package is uploaded.

test.use({ storageState: STORAGE_STATE.instructor });

const BROKEN = `---
id: e2e-kept
title: Kept text
topic: e2e-kept
---

## First question {#kept-one}

- [x] Right
- [ ] Wrong

## Second question {#kept-two}

- [ ] Not this
- [ ] Nor this
`;

/** Screenshots of the page at both widths, for a person to look at. */
async function screenshots(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a pasted bank with errors keeps its text and shows each error beside its line; choosing one selects the line", async ({
  page,
}) => {
  await page.goto("/teach/banks");
  const box = page.getByLabel("Bank (Markdown)", { exact: true });
  await box.fill(BROKEN);
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(/Nothing was saved: the bank has 1 error\./)).toBeVisible();
  // Nothing typed is lost.
  await expect(box).toHaveValue(BROKEN);
  // The code view shows the checked text with line numbers and the error under line 12.
  const view = page.getByRole("figure", { name: "The checked text with its problems" });
  await expect(view).toContainText("## Second question {#kept-two}");
  const line12 = view.getByRole("listitem").filter({ hasText: /^12/ });
  await expect(line12).toContainText("No option is marked right");
  await screenshots(page, "bank-errors");
  // Choosing the error selects its line in the text box.
  await page
    .getByRole("list", { name: "Problems in the bank" })
    .getByRole("button", { name: /^Line 12, column 1: No option is marked right/ })
    .click();
  await expect(box).toBeFocused();
  const selected = await box.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionEnd),
  );
  expect(selected).toBe("## Second question {#kept-two}");
});

test("an uploaded file with errors keeps the chosen file, and its lines are shown", async ({ page }) => {
  await page.goto("/teach/banks");
  const picker = page.getByLabel("Or upload a file").last();
  await picker.setInputFiles({
    name: "broken-bank.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(BROKEN),
  });
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(/Nothing was saved: the bank has 1 error\./)).toBeVisible();
  expect(await picker.evaluate((el: HTMLInputElement) => el.files?.[0]?.name)).toBe("broken-bank.md");
  await expect(page.getByRole("figure", { name: "The checked text with its problems" })).toContainText(
    "broken-bank.md, as checked",
  );
});

test("a 700-question GitHub task-list bank with thousands of warnings is saved, published and studied", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  await page.goto("/teach/banks");
  await page.getByLabel("Format").last().selectOption("auto");
  await page
    .getByLabel("Or upload a file")
    .last()
    .setInputFiles({
      name: `practice-${stamp}.md`,
      mimeType: "text/markdown",
      buffer: Buffer.from(taskListBank(700)),
    });
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText("Saved “AWS practice questions”: 700 questions.")).toBeVisible({
    timeout: 90_000,
  });
  await expect(
    page.getByText(
      "3,500 warnings: 2,100 × missing-rationale, 700 × missing-explanation, 700 × missing-reference",
    ),
  ).toBeVisible();
  await screenshots(page, "bank-saved-with-warnings");

  const card = page
    .getByRole("list", { name: "Your banks" })
    .getByRole("listitem")
    .filter({ hasText: `Practice ${stamp}` })
    .first();
  await card.getByRole("button", { name: "Publish" }).click();
  await expect(card).toContainText("Published: every instructor's quizzes and learners' study");
  const learner = await (await browser.newContext({ storageState: STORAGE_STATE.learner })).newPage();
  await learner.goto(`/study?topic=practice-${stamp}`);
  await expect(learner.getByRole("heading", { name: /^Which ECS setting fits case \d+\?$/ })).toBeVisible();
});

test("an Anki package (.apkg) is uploaded as a bank", async ({ page }) => {
  const stamp = Date.now().toString(36);
  // The package is written by `npm run bank -- export --format apkg`, as an author would.
  const markdown = test.info().outputPath("apkg-e2e.md");
  const apkg = test.info().outputPath("apkg-e2e.apkg");
  fs.writeFileSync(
    markdown,
    `---\nid: apkg-e2e\ntitle: Anki cards ${stamp}\ntopic: apkg-e2e\n---\n\n## Fargate network mode {#apkg-mode}\n\nkind: flashcard · reversible: yes\n\nawsvpc\n\n## EFS {#apkg-efs}\n\nkind: cloze\n\nEFS uses port {{c1::2049}}\n`,
  );
  execFileSync("npx", ["tsx", "scripts/bank.ts", "export", markdown, "--format", "apkg", "--out", apkg]);
  await page.goto("/teach/banks");
  await page.getByLabel("Format").last().selectOption("apkg");
  await page
    .getByLabel("Or upload a file")
    .last()
    .setInputFiles({
      name: `cards-${stamp}.apkg`,
      mimeType: "application/octet-stream",
      buffer: fs.readFileSync(apkg),
    });
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(`Saved “Anki cards ${stamp}”: 2 questions.`)).toBeVisible({ timeout: 60_000 });
});
