import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { STORAGE_STATE } from "./setup/accounts";

// An instructor's own bank: a broken one shows its problems with line numbers and saves nothing;
// a correct one is saved and listed.

const databaseFile = (process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db").replace(/^file:/, "");
const count = (sql: string) => {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
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
  const banksBefore = count("SELECT COUNT(*) AS n FROM Bank");
  const questionsBefore = count("SELECT COUNT(*) AS n FROM Question");
  await page.goto("/teach/banks");
  await page.getByLabel("Bank (Markdown)").fill(bank("Broken bank", "single"));
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(/Nothing was saved: the bank has \d+ errors?\./)).toBeVisible();
  const problems = page.getByRole("list", { name: "Problems in the bank" });
  // The second question (its heading is on line 16) has no option marked right.
  await expect(problems).toContainText("Line 16, column 1: No option is marked right");
  expect(count("SELECT COUNT(*) AS n FROM Bank")).toBe(banksBefore);
  expect(count("SELECT COUNT(*) AS n FROM Question")).toBe(questionsBefore);

  const title = `Good bank ${Date.now().toString(36)}`;
  await page
    .getByLabel("Bank (Markdown)")
    .fill(bank(title, "single").replace("- [ ] Not this", "- [x] Not this"));
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText(`Saved “${title}”: 2 questions.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Your banks" })).toContainText(title);
  expect(count("SELECT COUNT(*) AS n FROM Question")).toBe(questionsBefore + 2);
});
