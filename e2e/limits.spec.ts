import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { STORAGE_STATE } from "./setup/accounts";

// Issue 21 items 4 and 5 against the production build: a large upload no longer stops the server,
// and oversized or odd requests get Taskdeck's own message with the limit, not an error page.

/** The id this build gave a server action (what a browser sends as Next-Action). */
function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, value]) => value.filename === file && value.exportedName === exportedName,
  );
  if (!entry) throw new Error(`${file}#${exportedName} is not in this build`);
  return entry[0];
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Deletes an uploaded bank through /teach/banks, as its instructor would. The 20,000-question banks
 * these tests save would otherwise stay in the shared instructor's quiz builder for every later spec.
 */
async function deleteBank(page: Page, title: string) {
  await page.goto("/teach/banks");
  const card = page
    .getByRole("list", { name: "Your banks" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await card.getByRole("button", { name: "Delete bank…" }).click();
  await card.getByLabel("Yes, delete this bank").check();
  await card.getByRole("button", { name: "Delete bank", exact: true }).click();
  await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(0, { timeout: 60_000 });
}

test.describe("an instructor's upload", () => {
  test.use({ storageState: STORAGE_STATE.instructor });

  test("a 20,000-line Anki upload does not hold up /api/health (item 4)", async ({ page, request }, info) => {
    test.setTimeout(180_000);
    await page.goto("/teach/banks");
    await page.getByLabel("Format").last().selectOption("anki");
    await page
      .getByLabel("Or upload a file")
      .last()
      .setInputFiles({
        name: "identical.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Q\tA\n".repeat(20_000)),
      });
    const samples: number[] = [];
    let uploading = true;
    const poll = (async () => {
      while (uploading) {
        const started = performance.now();
        const response = await request.get("/api/health");
        expect(response.status()).toBe(200);
        samples.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await page.getByRole("button", { name: "Check and save" }).first().click();
    // 20,000 identical cards are 20,000 duplicate-stem warnings, which never block a bank.
    await expect(page.getByText("Saved “identical”: 20,000 questions.")).toBeVisible({
      timeout: 100_000,
    });
    uploading = false;
    await poll;
    await deleteBank(page, "identical");
    const sorted = [...samples].sort((a, b) => a - b);
    const figures = {
      requests: sorted.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? 0,
    };
    info.annotations.push({ type: "health during upload (ms)", description: JSON.stringify(figures) });
    console.log(`/api/health during a 20,000-line Anki upload: ${JSON.stringify(figures)}`);
    // Before the fix health waited the whole 15.9 s; parsing inline would still hold it ~1.4 s.
    // The bound is on the worst request (a loaded 2-core machine can delay any one request),
    // generous enough not to flake and far below both; p99 is reported (and benchmarked).
    expect(figures.requests).toBeGreaterThanOrEqual(3);
    expect(figures.max).toBeLessThan(1000);
  });

  test("/api/health is measured while the largest accepted bank is checked and saved (issue 17 item 4)", async ({
    page,
    request,
  }, info) => {
    test.setTimeout(240_000);
    // The largest bank accepted: 20,000 questions (the limit), padded to just under 4 MB (the
    // limit), with three warnings each (which never block it).
    const stamp = Date.now().toString(36);
    const head = `---\nid: largest\ntitle: Largest ${stamp}\ntopic: largest-${stamp}\n---\n\n`;
    const question = (i: number) =>
      `## Question ${i} {#l${i}}\n\nWhich option is right for case ${i}? ${"x".repeat(96)}\n\n- [x] Right ${i}\n- [ ] Wrong ${i}\n\n`;
    const text = head + Array.from({ length: 20_000 }, (_, i) => question(i)).join("");
    expect(Buffer.byteLength(text)).toBeGreaterThan(3.5 * 1024 * 1024);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4 * 1024 * 1024);
    await page.goto("/teach/banks");
    await page
      .getByLabel("Or upload a file")
      .last()
      .setInputFiles({ name: "largest.md", mimeType: "text/markdown", buffer: Buffer.from(text) });
    const samples: number[] = [];
    let uploading = true;
    const poll = (async () => {
      while (uploading) {
        const started = performance.now();
        const response = await request.get("/api/health");
        expect(response.status()).toBe(200);
        samples.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await page.getByRole("button", { name: "Check and save" }).last().click();
    await expect(page.getByText(`Saved “Largest ${stamp}”: 20,000 questions.`)).toBeVisible({
      timeout: 200_000,
    });
    uploading = false;
    await poll;
    const sorted = [...samples].sort((a, b) => a - b);
    const figures = {
      requests: sorted.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? 0,
    };
    info.annotations.push({
      type: "health while the largest bank is saved (ms)",
      description: JSON.stringify(figures),
    });
    console.log(
      `/api/health while the largest accepted bank (20,000 questions) is checked and saved: ${JSON.stringify(figures)}`,
    );
    // The target is p99 under 100 ms (docs/benchmarks.md, measured on a quiet machine by the
    // upload bench); on this shared machine the figure is reported, and the bound is on the worst
    // request: far below the 10–45 s one transaction held everything for before.
    expect(figures.requests).toBeGreaterThanOrEqual(10);
    expect(figures.max).toBeLessThan(3000);
    await deleteBank(page, `Largest ${stamp}`);
  });

  test("a 5 MB bank file is refused with the 4 MB limit, with or without JavaScript (item 5)", async ({
    page,
    browser,
  }) => {
    const big = { name: "big.md", mimeType: "text/markdown", buffer: Buffer.alloc(5 * 1024 * 1024, "a") };
    await page.goto("/teach/banks");
    await page.getByLabel("Or upload a file").last().setInputFiles(big);
    await page.getByRole("button", { name: "Check and save" }).first().click();
    await expect(page.getByText("The file is larger than 4 MB, the most a bank may be.")).toBeVisible();

    // Without JavaScript the form posts to the server, which answers with the same message.
    const context = await browser.newContext({
      storageState: STORAGE_STATE.instructor,
      javaScriptEnabled: false,
    });
    try {
      const plain = await context.newPage();
      await plain.goto("/teach/banks");
      await plain.getByLabel("Or upload a file").last().setInputFiles(big);
      await plain.getByRole("button", { name: "Check and save" }).first().click();
      await expect(plain.getByText("The file is larger than 4 MB, the most a bank may be.")).toBeVisible();
      await expect(plain.getByText(/Something went wrong/)).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});

test.describe("requests no Taskdeck page sends", () => {
  test.use({ storageState: STORAGE_STATE.learner });

  test("an action argument nested 50,000 deep answers 400 with the limit, not 500 (item 5)", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/study");
    const response = await page.context().request.post("/study", {
      headers: {
        "Next-Action": actionId("lib/server/actions/study.ts", "reportAction"),
        Origin: baseURL ?? "",
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: `[${"[".repeat(50_000)}${"]".repeat(50_000)}]`,
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toMatch(/nested more than 32 levels deep/);
  });

  test("a 5 MB report text gets the action's own refusal with the limit (item 5)", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/study");
    const response = await page.context().request.post("/study", {
      headers: {
        "Next-Action": actionId("lib/server/actions/study.ts", "reportAction"),
        Origin: baseURL ?? "",
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([{ questionId: "q", reason: "wrong", text: "x".repeat(5 * 1024 * 1024) }]),
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toMatch(/more than 4,259,840 characters of text/);
  });

  test("a body over 8 MB answers 413 with the limit (item 5)", async ({ page, baseURL }) => {
    await page.goto("/study");
    const response = await page.context().request.post("/study", {
      headers: { "Next-Action": "x", Origin: baseURL ?? "", "Content-Type": "text/plain;charset=UTF-8" },
      data: "x".repeat(9 * 1024 * 1024),
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toMatch(/larger than 8 MB/);
  });
});

test.describe("forms without JavaScript (item 5)", () => {
  test("sign-in works as a plain form post", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto("/sign-in");
      await page.getByLabel("Email", { exact: true }).fill("learner@e2e.taskdeck.test");
      await page.getByLabel("Password", { exact: true }).fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
      await page.getByLabel("Email", { exact: true }).fill("learner@e2e.taskdeck.test");
      await page.getByLabel("Password", { exact: true }).fill("learner studies every day");
      await page.getByRole("button", { name: "Sign in" }).click();
      // Signed in and sent on (to the home page: the sign-in page's default `next`).
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
      await page.goto("/account");
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
