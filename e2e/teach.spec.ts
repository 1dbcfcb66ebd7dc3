import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./setup/accounts";
import { queryOne } from "./support/database";

// An instructor's own bank: a broken one shows its problems with line numbers and saves nothing;
// a correct one is saved and listed.

const count = async (sql: string, params: string[] = []) => {
  const row = await queryOne<{ n: number }>(sql, params);
  if (!row) throw new Error(`no row from ${sql}`);
  return row.n;
};

const bank = (title: string, kind: string) => `---
id: e2e-own-bank
title: ${title}
topic: e2e-own
---

## First question {#own-one}

kind: single · difficulty: 2

Which one is right?

- [x] This one
- [ ] That one

## Second question {#own-two}

kind: ${kind} · difficulty: 2

And here?

- [ ] Not this
- [ ] Nor this
`;

test.use({ storageState: STORAGE_STATE.instructor });

test("a broken bank shows line numbers and saves nothing; a good one is saved", async ({ page }) => {
  const banksBefore = await count('SELECT COUNT(*) AS "n" FROM "Bank"');
  const questionsBefore = await count('SELECT COUNT(*) AS "n" FROM "Question"');
  await page.goto("/teach/banks");
  await page.getByLabel("Bank (Markdown)").fill(bank("Broken bank", "single"));
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(/Nothing was saved: the bank has \d+ errors?\./)).toBeVisible();
  const problems = page.getByRole("list", { name: "Problems in the bank" });
  // The second question (its heading is on line 16) has no option marked right.
  await expect(problems).toContainText("Line 16, column 1: No option is marked right");
  expect(await count('SELECT COUNT(*) AS "n" FROM "Bank"')).toBe(banksBefore);
  expect(await count('SELECT COUNT(*) AS "n" FROM "Question"')).toBe(questionsBefore);

  const title = `Good bank ${Date.now().toString(36)}`;
  await page
    .getByLabel("Bank (Markdown)")
    .fill(bank(title, "single").replace("- [ ] Not this", "- [x] Not this"));
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(`Saved “${title}”: 2 questions.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Your banks" })).toContainText(title);
  expect(await count('SELECT COUNT(*) AS "n" FROM "Question"')).toBe(questionsBefore + 2);
});

test("an instructor publishes a bank: learners can then study it; private again, it leaves study; then it is deleted", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const topic = `e2e-pub-${stamp}`;
  const label = `E2e pub ${stamp}`;
  const title = `Shared bank ${stamp}`;
  const text = `---
id: e2e-pub-bank
title: ${title}
topic: ${topic}
---

## Which network mode gives each task its own ENI? {#pub-one}

kind: single · difficulty: 2

- [x] awsvpc
- [ ] bridge
`;
  await page.goto("/teach/banks");
  await page.getByLabel("Bank (Markdown)", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(`Saved “${title}”: 1 question.`)).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(card).toContainText("Private: only your quizzes");

  const learner = await (await browser.newContext({ storageState: STORAGE_STATE.learner })).newPage();
  /** The topics the learner's study page offers (in its "Choose what to study" panel). */
  const studyTopic = async () => {
    await learner.goto("/study");
    await learner.getByText("Choose what to study").click();
    await expect(learner.getByRole("group", { name: "Topics" })).toBeVisible();
    return learner
      .getByRole("group", { name: "Topics" })
      .getByRole("checkbox", { name: new RegExp(`^${label}`) });
  };
  await expect(await studyTopic()).toHaveCount(0);

  await card.getByRole("button", { name: "Publish" }).click();
  await expect(
    card.getByText("Published: every instructor's quiz builder and learners' study now offer it."),
  ).toBeVisible();
  await expect(card).toContainText("Published: every instructor's quizzes and learners' study");
  await expect(await studyTopic()).toHaveCount(1);
  await learner.goto(`/study?topic=${topic}`);
  await expect(
    learner.getByRole("heading", { name: "Which network mode gives each task its own ENI?" }),
  ).toBeVisible();

  await card.getByRole("button", { name: "Make private" }).click();
  await expect(card.getByText("Private again: only your quizzes can use it.")).toBeVisible();
  await expect(await studyTopic()).toHaveCount(0);

  // A new version with an error changes nothing and names the line.
  await card.getByText("Upload a new version").click();
  await card
    .getByLabel(`New version of “${title}” (Markdown)`)
    .fill(text.replace("- [x] awsvpc", "- [ ] awsvpc"));
  await card.getByRole("button", { name: "Check and replace" }).click();
  await expect(card.getByRole("list", { name: "Problems in the bank" })).toContainText("Line 7, column 1");
  expect(await count('SELECT COUNT(*) AS "n" FROM "Bank" WHERE "title" = ?', [title])).toBe(1);

  await card.getByRole("button", { name: "Delete bank…" }).click();
  await card.getByLabel("Yes, delete this bank").check();
  await card.getByRole("button", { name: "Delete bank", exact: true }).click();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  expect(await count('SELECT COUNT(*) AS "n" FROM "Bank" WHERE "title" = ?', [title])).toBe(0);
});
