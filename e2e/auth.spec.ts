import { type BrowserContext, expect, test } from "@playwright/test";
import { bannerName, newAccount, ROLE_ACCOUNTS, STORAGE_STATE, signIn, signUp } from "./setup/accounts";

// Accounts end to end, against the production build: sign-up, sign-in, sign-out, the replay
// of an ended session, the way back after signing in, the role states, and the forms' errors.

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.endsWith("session_token"));
}

test.describe("sign-up", () => {
  test("a new visitor signs up, is signed in, lands on Today, and sees their name", async ({ page }) => {
    const account = newAccount("Sam");
    await signUp(page, account);
    await expect(bannerName(page, account.name)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Roles" }).getByRole("listitem")).toHaveText(["Learner"]);
    const [cookie] = await sessionCookies(page.context());
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  });

  test("signed-in pages keep the session going, asking at most once an hour", async ({ page }) => {
    const asked: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/api/auth/get-session") asked.push(response.status());
    });
    const account = newAccount("Kim");
    await signUp(page, account);
    await expect(bannerName(page, account.name)).toBeVisible();
    await expect.poll(() => asked).toEqual([200]);
    for (const path of ["/progress", "/study"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    expect(asked).toEqual([200]);
  });

  test("shows errors at the fields, linked and announced, and keeps what was typed", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email", { exact: true }).fill("someone@example.com");
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await page.getByRole("button", { name: "Sign up" }).click();
    const name = page.getByLabel("Name", { exact: true });
    const password = page.getByLabel("Password", { exact: true });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription("Enter your name.");
    await expect(name).toBeFocused();
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(/most common/);
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("someone@example.com");
    await expect(page.getByRole("status").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  });
});

test.describe("sign-in and sign-out", () => {
  test("signs in, signs out, and refuses the old session cookie afterwards", async ({
    page,
    browser,
    baseURL,
  }) => {
    const account = newAccount("Rita");
    await signUp(page, account);
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

    await signIn(page, account);
    await expect(bannerName(page, account.name)).toBeVisible();
    const before = await sessionCookies(page.context());
    expect(before).toHaveLength(1);

    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(await sessionCookies(page.context())).toEqual([]);

    // Replay the cookie from before sign-out in a fresh browser: the server has ended that session.
    const replay = await browser.newContext({ baseURL });
    try {
      await replay.addCookies(before);
      const tab = await replay.newPage();
      await tab.goto("/account");
      await expect(tab).toHaveURL(/\/sign-in\?next=%2Faccount$/);
      const exported = await replay.request.get("/account/export");
      expect(exported.status()).toBe(401);
      const session = await replay.request.get("/api/auth/get-session");
      expect(await session.json()).toBeNull();
    } finally {
      await replay.close();
    }
  });

  test("a signed-out visit to /account goes to sign-in and back after signing in", async ({
    page,
    browser,
    baseURL,
  }) => {
    const account = newAccount("Theo");
    const other = await browser.newContext({ baseURL });
    try {
      await signUp(await other.newPage(), account);
    } finally {
      await other.close();
    }
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await signIn(page, account, "");
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  });

  test("sends nobody off-site after sign-in", async ({ page }) => {
    await page.goto("/sign-in?next=//evil.example/");
    await signIn(page, ROLE_ACCOUNTS.learner, "");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test("works with the keyboard alone", async ({ page }) => {
    const account = newAccount("Kim");
    await page.goto("/sign-up");
    await page.getByLabel("Name", { exact: true }).focus();
    await page.keyboard.type(account.name);
    await page.keyboard.press("Tab");
    await page.keyboard.type(account.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(account.password);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Sign up" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(bannerName(page, account.name)).toBeVisible();
  });
});

test.describe("roles", () => {
  for (const [role, labels] of [
    ["learner", ["Learner"]],
    ["instructor", ["Learner", "Instructor"]],
    ["admin", ["Learner", "Instructor", "Admin"]],
  ] as const) {
    test.describe(`as the ${role}`, () => {
      test.use({ storageState: STORAGE_STATE[role] });
      test(`the saved ${role} session shows the ${role}'s name and roles`, async ({ page }) => {
        await page.goto("/account");
        await expect(bannerName(page, ROLE_ACCOUNTS[role].name)).toBeVisible();
        await expect(page.getByRole("list", { name: "Roles" }).getByRole("listitem")).toHaveText([...labels]);
      });
    });
  }

  test.describe("admin page", () => {
    test.use({ storageState: STORAGE_STATE.learner });
    test("is not there for a learner", async ({ page }) => {
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("banner").getByRole("link", { name: "People" })).toHaveCount(0);
    });
  });

  test.describe("admin page as the admin", () => {
    test.use({ storageState: STORAGE_STATE.admin });
    test("lists people and grants and revokes the instructor role", async ({ page, browser, baseURL }) => {
      const account = newAccount("Gil");
      const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      try {
        await signUp(await other.newPage(), account);
      } finally {
        await other.close();
      }
      await page.goto("/admin");
      await expect(page.getByRole("heading", { level: 1, name: "People and roles" })).toBeVisible();
      await page.getByRole("searchbox", { name: "Find people by name or email" }).fill(account.email);
      await page.getByRole("button", { name: "Search" }).click();
      const row = page.getByRole("row", { name: new RegExp(account.name) });
      await row.getByRole("button", { name: /Make instructor/ }).click();
      await expect(row.getByText(/is now an instructor/)).toBeVisible();
      await expect(row.getByRole("cell", { name: "learner, instructor" })).toBeVisible();
      await row.getByRole("button", { name: /Revoke instructor/ }).click();
      await expect(row.getByText(/is no longer an instructor/)).toBeVisible();
      await expect(row.getByRole("cell", { name: "learner", exact: true })).toBeVisible();
    });
  });
});

test.describe("account page", () => {
  test("changes the password, exports the data, and deletes the account after confirmation", async ({
    page,
  }) => {
    const account = newAccount("Uma");
    await signUp(page, account);
    await page.goto("/account");

    await page.getByLabel("Current password").fill(account.password);
    await page.getByLabel("New password").fill("a completely new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();
    // The change ends every session and starts a new one for this browser: still signed in here.
    await expect(bannerName(page, account.name)).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my data" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^taskdeck-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(
      await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
    );
    expect(exported.account).toMatchObject({ email: account.email, name: account.name, roles: ["learner"] });

    const confirm = page.getByLabel("Type your email to confirm");
    await confirm.fill("someone-else@example.com");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await expect(confirm).toHaveAccessibleDescription(
      new RegExp(`Type ${account.email.replace(/[.]/g, "\\.")}`),
    );

    await confirm.fill(account.email);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/sign-up\?deleted=1$/);
    await expect(page.getByRole("status").filter({ hasText: "were deleted" })).toBeVisible();
    await signIn(page, { email: account.email, password: "a completely new passphrase" });
    await expect(
      page.getByRole("status").filter({ hasText: "The email or password is incorrect." }),
    ).toBeVisible();
  });

  test.describe("on a phone", () => {
    test.use({ storageState: STORAGE_STATE.learner, viewport: { width: 375, height: 740 } });
    test("fits 375 px without sideways scrolling", async ({ page }) => {
      for (const path of ["/account", "/sign-in", "/sign-up"]) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });
  });
});
