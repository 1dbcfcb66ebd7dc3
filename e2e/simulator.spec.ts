import { expect, type Locator, type Page, test } from "@playwright/test";

/** Presses Tab until `target` has focus: proves it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

test.describe("ECS simulator sandbox", () => {
  test("shows a Fargate service behind a Classic Load Balancer refused, naming R32/R33 with its AWS page", async ({
    page,
  }) => {
    await page.goto("/simulator");
    await expect(page.getByRole("heading", { level: 1, name: "ECS simulator" })).toBeVisible();
    await page.getByRole("radio", { name: "Fargate" }).check();
    await page.getByLabel("Load balancer type").selectOption("CLB");

    const verdict = page.getByRole("region", { name: "Verdict" });
    await expect(verdict).toContainText("Verdict: Error");
    await expect(verdict).toContainText(
      /Classic Load Balancers are not supported for Fargate tasks \(R3[23]\)/,
    );
    const link = verdict.getByRole("link", { name: /AWS page for R3[23]/ }).first();
    await expect(link).toHaveAttribute("href", /^https:\/\/docs\.aws\.amazon\.com\//);
    await expect(page.getByRole("region", { name: "Load balancers" })).toContainText(/CLB web-clb.*refused/);
    await expect(page.getByRole("status").filter({ hasText: /^Verdict: Error/ })).toBeVisible();
  });

  test("works with the keyboard alone: controls, timeline and tasks", async ({ page }) => {
    await page.goto("/simulator");
    const verdictLine = page.locator(".sandbox-verdict-line");

    // Radio group: one tab stop, arrow keys choose.
    const fargate = page.getByRole("radio", { name: "Fargate" });
    await tabTo(page, fargate);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "EC2" })).toBeChecked();
    await expect(page.getByLabel("Number of instances")).toBeEnabled();

    // Checkbox with Space.
    const distinct = page.getByRole("checkbox", { name: "Constraint: distinctInstance" });
    await tabTo(page, distinct);
    await page.keyboard.press("Space");
    await expect(distinct).toBeChecked();

    // Select with the arrow keys: ALB → CLB is two steps down (ALB, NLB, CLB).
    const lb = page.getByLabel("Load balancer type");
    await tabTo(page, lb);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(lb).toHaveValue("CLB");
    await expect(verdictLine).toContainText("Verdict:");

    // Preset with Enter on its button.
    await page.getByLabel("Start from a preset").selectOption("pending-memory");
    const load = page.getByRole("button", { name: "Load preset" });
    await load.focus();
    await page.keyboard.press("Enter");
    await expect(verdictLine).toContainText("Verdict: Partial");

    // Timeline: opens on the last moment; Step back with Enter, the slider with arrow keys.
    const slider = page.getByRole("slider", { name: "Moment" });
    const last = Number(await slider.getAttribute("max"));
    await expect(slider).toHaveValue(String(last));
    const back = page.getByRole("button", { name: "Step back" });
    await tabTo(page, back);
    await page.keyboard.press("Enter");
    await expect(slider).toHaveValue(String(last - 1));
    await page.keyboard.press("Space");
    await expect(slider).toHaveValue(String(last - 2));
    await tabTo(page, slider);
    await page.keyboard.press("Home");
    await expect(slider).toHaveValue("0");
    await expect(page.locator(".sim-timeline__now")).toContainText("Moment 1 of");
    await expect(page.locator("[data-task-id]")).toHaveCount(0);
    await page.keyboard.press("End");
    await expect(page.locator("[data-task-id]")).toHaveCount(5);

    // Play and Pause are buttons too.
    const play = page.getByRole("button", { name: "Play" });
    await tabTo(page, play);
    await page.keyboard.press("Enter");
    const pause = page.getByRole("button", { name: "Pause" });
    await expect(pause).toBeFocused();
    await expect(slider).not.toHaveValue(String(last));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
    const paused = await slider.inputValue();
    await page.waitForTimeout(1_500);
    await expect(slider).toHaveValue(paused);
    await slider.focus();
    await page.keyboard.press("End");

    // Tasks: one tab stop, details on focus, arrow keys move, Escape closes.
    const firstTask = page.locator('[data-task-id][tabindex="0"]');
    await tabTo(page, firstTask);
    const tooltip = page.getByRole("tooltip");
    await expect(tooltip).toBeVisible();
    const firstId = await firstTask.getAttribute("data-task-id");
    await expect(tooltip).toContainText(firstId ?? "");
    await expect(page.locator(":focus")).toHaveAttribute(
      "aria-describedby",
      (await tooltip.getAttribute("id")) ?? "",
    );
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(":focus")).not.toHaveAttribute("data-task-id", firstId ?? "");
    await expect(tooltip).not.toContainText(`${firstId} ·`);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("tooltip")).toHaveCount(0);
  });

  test("keeps the scenario in the URL: a reload shows the same controls and verdict", async ({ page }) => {
    await page.goto("/simulator");
    await page.getByRole("radio", { name: "EC2" }).check();
    await page.getByLabel("Desired count").fill("7");
    await page.getByLabel("Load balancer type").selectOption("NLB");
    await page.getByRole("checkbox", { name: "S3 bucket (no such volume type)" }).check();
    await expect(page).toHaveURL(/\/simulator\?s=[A-Za-z0-9_-]+$/);
    await expect(page.locator(".sandbox-verdict-line")).toContainText("R39");
    const verdict = await page.locator(".sandbox-verdict-line").textContent();

    await page.reload();
    await expect(page.getByRole("radio", { name: "EC2" })).toBeChecked();
    await expect(page.getByLabel("Desired count")).toHaveValue("7");
    await expect(page.getByLabel("Load balancer type")).toHaveValue("NLB");
    await expect(page.getByRole("checkbox", { name: "S3 bucket (no such volume type)" })).toBeChecked();
    await expect(page.locator(".sandbox-verdict-line")).toHaveText(verdict ?? "");
  });

  test("runs a linked scenario the controls cannot express as written", async ({ page }) => {
    const yaml = `instances:\n  - { id: big, type: m5.xlarge }\n  - { id: small, type: t3.medium }\ntaskDefinition: { containers: [{ memory: 1024 }] }\nservice: { desiredCount: 5, placementStrategy: [binpack:memory] }\n`;
    await page.goto(`/simulator?s=${base64url(yaml)}`);
    await expect(page.getByText("runs as written")).toBeVisible();
    await expect(page.getByRole("article", { name: "Instance small" })).toHaveCount(1);
    await expect(page.getByRole("article", { name: "Instance big" })).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Verdict: OK");
  });

  test("reports an invalid ?s= clearly and falls back to the default scenario", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto("/simulator?s=***not-a-scenario***");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not valid base64url");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("default scenario is shown");
    await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Verdict: OK");

    await page.goto(`/simulator?s=${base64url("taskDefinition: { cpu: 256, memmory: 512 }\n")}`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The link's scenario is not valid");
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/Line 1, column \d+: .*memmory/);
    await expect(page.getByRole("heading", { level: 1, name: "ECS simulator" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("copies the scenario as a sim block and says so", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/simulator");
    await page.getByLabel("Load balancer type").selectOption("CLB");
    await page.getByRole("button", { name: "Copy as sim block" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith("```sim\n")).toBe(true);
    expect(copied).toContain("type: CLB");
    expect(copied.trimEnd().endsWith("```")).toBe(true);
  });

  test("fits a 375 px screen without sideways scrolling, details open", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/simulator");
    await page.getByLabel("Start from a preset").selectOption("pending-memory");
    await page.getByRole("button", { name: "Load preset" }).click();
    await page.getByText("Describe in text").click();
    await page.locator('[data-task-id][tabindex="0"]').focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("draws a big moment as a cascade, and jumps to it at once with reduced motion", async ({ page }) => {
    for (const reduced of [false, true]) {
      await page.emulateMedia({ reducedMotion: reduced ? "reduce" : "no-preference" });
      await page.goto("/simulator");
      await page.getByLabel("Start from a preset").selectOption("big-service");
      await page.getByRole("button", { name: "Load preset" }).click();
      await expect(page.locator("[data-task-id]")).toHaveCount(300);
      await expect(page.locator(".sim")).toHaveAttribute("data-motion", reduced ? "reduced" : "full");
      await page.getByRole("slider", { name: "Moment" }).focus();
      await page.keyboard.press("Home");
      await expect(page.locator("[data-task-id]")).toHaveCount(0);
      // Step forward through the moment that places the 300 tasks; count the task buttons
      // right after each click (React has rendered, no animation frame yet) and a bit later.
      const counts = await page.evaluate(async () => {
        const forward = [...document.querySelectorAll("button")].find((b) =>
          b.textContent?.includes("Step forward"),
        );
        const out: Array<[number, number]> = [];
        for (let i = 0; i < 4; i++) {
          forward?.click();
          await Promise.resolve();
          await Promise.resolve();
          const now = document.querySelectorAll("[data-task-id]").length;
          await new Promise((resolve) => setTimeout(resolve, 700));
          out.push([now, document.querySelectorAll("[data-task-id]").length]);
        }
        return out;
      });
      expect(counts.at(-1)?.[1]).toBe(300);
      const cascaded = counts.some(([now, later]) => now < later);
      expect(cascaded).toBe(!reduced);
    }
  });

  test("is linked from the main navigation and runs with no script blocked by the CSP", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Simulator" }).click();
    await expect(page).toHaveURL(/\/simulator$/);
    await expect(page.getByRole("heading", { level: 1, name: "ECS simulator" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
});
