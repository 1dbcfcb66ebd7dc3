import { expect, test } from "@playwright/test";

test.describe("home page", () => {
  test("says what Taskdeck is and lists the topics or says none are loaded", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Study for your AWS exam/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const topics = page.getByRole("list", { name: "Topics" });
    const empty = page.getByRole("status").filter({ hasText: "No question banks are loaded yet" });
    await expect(topics.or(empty)).toBeVisible();
    if (await topics.isVisible()) {
      await expect(topics.getByRole("listitem").first()).toContainText(/questions\s*\d+/);
      await expect(topics.getByRole("listitem").first().getByRole("link")).toHaveAttribute(
        "href",
        /^\/sign-up\?next=/,
      );
    }
  });

  test("offers a skip link that moves focus to the main content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("fits a 375 px wide phone screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("sends a CSP with a per-request nonce and the other security headers", async ({ request }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers()["content-security-policy"]).not.toEqual(csp);
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBeTruthy();
  });

  test("runs with no script blocked by the CSP", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
});

test.describe("health check", () => {
  test("reports the database, migrations and banks", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ database: "ok", migrations: { pending: false } });
    expect(["ok", "degraded"]).toContain(body.status);
    expect(body.banks).toHaveProperty("synced");
  });
});
