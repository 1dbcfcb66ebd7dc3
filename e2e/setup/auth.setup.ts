import { expect, type Page, test as setup } from "@playwright/test";
import { type Account, bannerName, ROLE_ACCOUNTS, type Role, STORAGE_STATE, signIn } from "./accounts";

// Signs in one admin, one instructor and one learner and saves each browser state. Runs first,
// in this order: on the fresh e2e database the admin's is the first account, so it becomes
// admin and instructor; the admin then grants the instructor role through the admin page.

async function signUpOrIn(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  const exists = page.getByText("An account with this email already exists");
  await expect(page.getByRole("heading", { level: 1, name: "Today" }).or(exists)).toBeVisible();
  if (await exists.isVisible()) {
    // A reused database (a direct `npx playwright test` run): the account is there already.
    await signIn(page, account);
    await page.goto("/account");
  }
  await expect(bannerName(page, account.name)).toBeVisible();
}

async function expectRoles(page: Page, role: Role): Promise<void> {
  await page.goto("/account");
  const roles = page.getByRole("list", { name: "Roles" });
  const expected = {
    admin: ["Learner", "Instructor", "Admin"],
    instructor: ["Learner", "Instructor"],
    learner: ["Learner"],
  };
  await expect(
    roles.getByRole("listitem"),
    role === "admin"
      ? "The admin must be the first account: run the e2e tests on a fresh database (npm run test:e2e)."
      : "",
  ).toHaveText(expected[role]);
}

setup.describe.configure({ mode: "serial" });

setup("admin: the first account of a fresh install", async ({ page }) => {
  await signUpOrIn(page, ROLE_ACCOUNTS.admin);
  await expectRoles(page, "admin");
  await page.context().storageState({ path: STORAGE_STATE.admin });
});

setup("instructor: granted by the admin on the admin page", async ({ page, browser }) => {
  await signUpOrIn(page, ROLE_ACCOUNTS.instructor);
  const adminContext = await browser.newContext({ storageState: STORAGE_STATE.admin });
  try {
    const admin = await adminContext.newPage();
    await admin.goto(`/admin?q=${encodeURIComponent(ROLE_ACCOUNTS.instructor.email)}`);
    const row = admin.getByRole("row", { name: new RegExp(ROLE_ACCOUNTS.instructor.name) });
    const make = row.getByRole("button", { name: /Make instructor/ });
    if (await make.isVisible()) {
      await make.click();
      await expect(row.getByText(/is now an instructor/)).toBeVisible();
    }
    await expect(row.getByRole("button", { name: /Revoke instructor/ })).toBeVisible();
  } finally {
    await adminContext.close();
  }
  await expectRoles(page, "instructor");
  await page.context().storageState({ path: STORAGE_STATE.instructor });
});

setup("learner: an ordinary account", async ({ page }) => {
  await signUpOrIn(page, ROLE_ACCOUNTS.learner);
  await expectRoles(page, "learner");
  await page.context().storageState({ path: STORAGE_STATE.learner });
});
