import { expect, type Page, test } from "@playwright/test";
import { newAccount, STORAGE_STATE, signIn, signUp } from "./setup/accounts";

// SECURITY.md items 9 and 11 against the running server: the login throttle, and the origin
// checks on state-changing auth requests.

test.describe("login throttling", () => {
  test("the 11th bad sign-in within 15 minutes is throttled, for a known and an unknown email alike", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const known = newAccount("Vic");
    const other = await browser.newContext({ baseURL });
    try {
      await signUp(await other.newPage(), known);
    } finally {
      await other.close();
    }
    const unknown = newAccount("Nobody");
    /** Ten wrong passwords for `email`, each refused as incorrect; then the 11th is throttled. */
    const guess = async (page: Page, email: string, eleventh: string) => {
      const incorrect = page.getByRole("status").filter({ hasText: "The email or password is incorrect." });
      const throttled = page.getByRole("status").filter({ hasText: /Too many sign-in attempts/ });
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        await signIn(page, { email, password: `wrong guess number ${attempt}` });
        await expect(incorrect, `${email} attempt ${attempt}`).toBeVisible();
      }
      await signIn(page, { email, password: eleventh });
      await expect(throttled, `${email} attempt 11`).toBeVisible();
    };
    // The two emails are guessed side by side, each in its own signed-out browser, since each
    // guess waits on a password hash (scrypt) on the server. The limit is per account (10) and far
    // below the per-address one (100), so neither run counts against the other.
    const contexts = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
    try {
      const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
      if (!first || !second) throw new Error("no page");
      await Promise.all([
        guess(first, known.email, known.password),
        guess(second, unknown.email, "any password at all"),
      ]);
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
  });

  test("the HTTP API answers a known and an unknown email with the same status and body, then 429", async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const known = newAccount("Wes");
    const signUpResponse = await request.post("/api/auth/sign-up/email", {
      data: known,
      headers: { origin: baseURL ?? "" },
    });
    expect(signUpResponse.status()).toBe(200);
    const attempt = (email: string) =>
      request.post("/api/auth/sign-in/email", {
        data: { email, password: "definitely not it" },
        headers: { origin: baseURL ?? "" },
      });
    const unknownEmail = newAccount("Ghost").email;
    // Each pair goes out together: the accounts' limits are separate, and each waits on a hash.
    for (let i = 1; i <= 10; i += 1) {
      const [a, b] = await Promise.all([attempt(known.email), attempt(unknownEmail)]);
      expect([a.status(), b.status()], `attempt ${i}`).toEqual([401, 401]);
      expect(await a.text()).toEqual(await b.text());
    }
    const [a, b] = await Promise.all([attempt(known.email), attempt(unknownEmail)]);
    expect([a.status(), b.status()]).toEqual([429, 429]);
    expect(await a.text()).toEqual(await b.text());
  });
});

test.describe("origin checks", () => {
  test("refuses sign-out from a foreign origin, from Origin: null, and with a text/plain body", async ({
    page,
    baseURL,
  }) => {
    const account = newAccount("Xia");
    await signUp(page, account);
    // This request context shares the page's cookies, as a forged request from another site would.
    const api = page.context().request;
    const attempts: Array<[Record<string, string>, number]> = [
      [{ origin: "https://evil.example", "content-type": "application/json" }, 403],
      [{ origin: "null", "content-type": "application/json" }, 403],
      [{ origin: baseURL ?? "", "content-type": "text/plain" }, 415],
    ];
    for (const [headers, status] of attempts) {
      const response = await api.post("/api/auth/sign-out", { headers, data: "{}" });
      expect(response.status(), JSON.stringify(headers)).toBe(status);
    }
    // Still signed in: none of those requests ended the session.
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    const own = await api.post("/api/auth/sign-out", {
      headers: { origin: baseURL ?? "", "content-type": "application/json" },
      data: "{}",
    });
    expect(own.status()).toBe(200);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  });
});

test.describe("sign-in's next= stays on this site (issue 21 item 3)", () => {
  test.use({ storageState: STORAGE_STATE.learner });

  for (const page of ["/sign-in", "/sign-up"]) {
    test(`a signed-in learner sent to ${page}?next=/.//evil.example/phish stays on site`, async ({
      page: browserPage,
      baseURL,
    }) => {
      const site = new URL(baseURL ?? "").host;
      for (const next of [
        "/.//evil.example/phish",
        "/..//evil.example/phish",
        "/%2e//evil.example/phish",
        "/a/..//evil.example/phish",
      ]) {
        const response = await browserPage.context().request.get(`${page}?next=${next}`, { maxRedirects: 0 });
        expect(response.status(), next).toBeGreaterThanOrEqual(300);
        expect(response.status(), next).toBeLessThan(400);
        const location = response.headers().location ?? "";
        expect(new URL(location, baseURL).host, `${next} → ${location}`).toBe(site);
      }
      await browserPage.goto(`${page}?next=/.//evil.example/phish`);
      expect(new URL(browserPage.url()).host).toBe(site);
      await expect(browserPage.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }
});
