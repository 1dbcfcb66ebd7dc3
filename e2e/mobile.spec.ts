import path from "node:path";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type Role, STORAGE_STATE } from "./setup/accounts";
import { appPageRoutes, EXTRA_URLS, PAGE_ROUTES, type SweepData } from "./support/page-routes";
import { createSweepData, ensureSweepBank, SWEEP_TOPIC } from "./support/sweep-data";

// Every page on a phone (issue 16 items 3, 5 and 6). Each page route under app/ is opened at
// 375 × 812 by each kind of visitor (signed out, learner, instructor, admin), with the records a
// page needs to show its real content (a class, a quiz with an ordering question, an open attempt,
// a submitted one, a practice-exam result). A page fails when
//  - it scrolls sideways: document.documentElement.scrollWidth is more than the 375 px viewport;
//  - a visible control is under 44 px in its smaller dimension. Controls are: <button>, <summary>,
//    <select>, <textarea>, every <input> but hidden ones, elements with role="button", and links
//    styled as buttons (class "button"). Every other link is a text link and exempt. A checkbox or
//    radio is measured by its label when a label contains it or names it (for=…), since a tap on
//    the label picks it. Hidden controls (display: none, visibility: hidden, a closed <details>,
//    zero size) are not measured.
// With TASKDECK_SHOTS=1 each page is also saved as a full-page screenshot at 375 and at 1280 px
// under test-results/, to be looked at; nothing checks them, and the two pictures per page were a
// quarter of the sweep's time, so CI (which keeps no test-results/) leaves them out. The last tests check the phone menu, the keyboard hints on touch screens, and the
// web app manifest that lets the study page be added to a home screen.

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
const MIN_TARGET_PX = 44;

type Viewer = "signed out" | Role;
const VIEWERS: ReadonlyArray<Viewer> = ["signed out", "learner", "instructor", "admin"];

type Measure = { scrollWidth: number; tooSmall: string[] };

/** Measures the page as shown: its width, and each visible control smaller than `min` px. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate((min) => {
    const selector =
      'button, summary, select, textarea, input:not([type="hidden"]), [role="button"], a.button';
    const nameOf = (el: Element) => {
      const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : "";
      const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
      const name = el.getAttribute("aria-label") ?? label ?? el.textContent ?? "";
      return `${el.tagName.toLowerCase()}${type} "${name.replace(/\s+/g, " ").trim().slice(0, 50)}"`;
    };
    const tooSmall: string[] = [];
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      let box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
        const label = el.closest("label") ?? el.labels?.[0];
        if (label) box = label.getBoundingClientRect();
      }
      const size = Math.min(box.width, box.height);
      if (size < min - 0.5)
        tooSmall.push(`${nameOf(el)}: ${Math.round(box.width)} × ${Math.round(box.height)} px`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, tooSmall };
  }, MIN_TARGET_PX);
}

/** The concrete URLs of the sweep, each named by its route. */
function sweepUrls(data: SweepData): Array<{ route: string; url: string }> {
  return [
    ...PAGE_ROUTES.flatMap(({ route, urls }) => urls(data).map((url) => ({ route, url }))),
    ...EXTRA_URLS.map(({ name, url }) => ({ route: name, url })),
  ];
}

/** A file name for a URL's screenshot. */
const slug = (url: string) =>
  url
    .replace(/^\//, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/-+$/, "") || "home";

async function openAs(browser: Browser, viewer: Viewer, options: Parameters<Browser["newContext"]>[0] = {}) {
  return browser.newContext({
    ...options,
    ...(viewer === "signed out" ? {} : { storageState: STORAGE_STATE[viewer] }),
  });
}

/** Waits for the page's scripts and first requests to settle (charts and the simulator draw then). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
}

/**
 * Refuses Next's link prefetches (an RSC request per link in view, 10–20 a page, each rendered by
 * the server): they draw nothing on the page being measured, yet `settle` waited for all of them.
 */
async function skipPrefetches(context: BrowserContext): Promise<void> {
  await context.route(/[?&]_rsc=/, (route) =>
    route.request().headers()["next-router-prefetch"] ? route.abort() : route.fallback(),
  );
}

/** Pages of the sweep open at once: each spends half a second or more only waiting in `settle`. */
const LANES = 2;

test.describe("every page at 375 px", () => {
  test.describe.configure({ mode: "serial" });
  let data: SweepData;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    data = await createSweepData(browser);
  });

  test("every page route under app/ is in the sweep, and every route in the sweep exists", () => {
    const listed = PAGE_ROUTES.map((r) => r.route).sort();
    const found = appPageRoutes();
    expect(found.length).toBeGreaterThan(10);
    expect(
      found.filter((route) => !listed.includes(route)),
      "pages missing from PAGE_ROUTES in e2e/support/page-routes.ts",
    ).toEqual([]);
    expect(
      listed.filter((route) => !found.includes(route)),
      "routes in PAGE_ROUTES with no page under app/",
    ).toEqual([]);
  });

  for (const viewer of VIEWERS) {
    test(`${viewer}: no page scrolls sideways and every control is at least 44 px`, async ({ browser }) => {
      test.setTimeout(300_000);
      const context = await openAs(browser, viewer, { viewport: PHONE });
      await skipPrefetches(context);
      const shots = test.info().outputPath();
      const visit = async (page: Page, { route, url }: { route: string; url: string }) => {
        await page.setViewportSize(PHONE);
        const response = await page.goto(url);
        expect(response?.status() ?? 0, `${url} as ${viewer}: server error`).toBeLessThan(500);
        await settle(page);
        const found = await measure(page);
        const where = `${route} (${url}) as ${viewer}`;
        expect
          .soft(found.scrollWidth, `${where}: the page is ${found.scrollWidth} px wide`)
          .toBeLessThanOrEqual(PHONE.width);
        expect.soft(found.tooSmall, `${where}: controls under ${MIN_TARGET_PX} px`).toEqual([]);
        if (!process.env.TASKDECK_SHOTS) return;
        const name = slug(url);
        await page.screenshot({ path: path.join(shots, `${name}-375.png`), fullPage: true });
        await page.setViewportSize(DESKTOP);
        await page.screenshot({ path: path.join(shots, `${name}-1280.png`), fullPage: true });
      };
      // Every URL once, taken in turn by LANES pages of the same signed-in browser.
      const queue = sweepUrls(data);
      const lane = async () => {
        const page = await context.newPage();
        for (let next = queue.shift(); next; next = queue.shift()) await visit(page, next);
      };
      try {
        await Promise.all(Array.from({ length: LANES }, lane));
      } finally {
        await context.close();
      }
    });
  }
});

test.describe("phone menu and touch screens", () => {
  test.beforeAll(() => ensureSweepBank());

  test("on a phone the navigation is one Menu button that opens the links, the current page marked", async ({
    browser,
  }) => {
    const context = await openAs(browser, "learner", { viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/progress");
    const banner = page.getByRole("banner");
    const box = await banner.boundingBox();
    expect(box?.height ?? 999, "the header takes one row").toBeLessThanOrEqual(72);
    const nav = page.getByRole("navigation", { name: "Main" });
    const toggle = nav.getByText("Menu", { exact: true });
    const menu = nav.locator("details");
    await expect(toggle).toBeVisible();
    await expect(nav.getByRole("link", { name: "Study" })).toBeHidden();
    await expect(menu).not.toHaveAttribute("open");
    await toggle.click();
    await expect(menu).toHaveAttribute("open");
    await expect(nav.getByRole("link", { name: "Progress" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Study" })).not.toHaveAttribute("aria-current");
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("menu-open-375.png") });
    // The browser reports the disclosure's state to assistive technology as "expanded".
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: Array<{
        name?: { value?: string };
        properties?: Array<{ name: string; value: { value: unknown } }>;
      }>;
    };
    const summary = nodes.find((n) => n.name?.value === "Menu");
    expect(summary?.properties?.find((p) => p.name === "expanded")?.value.value).toBe(true);
    await page.keyboard.press("Escape");
    await expect(menu).not.toHaveAttribute("open");
    await toggle.click();
    await nav.getByRole("link", { name: "Study" }).click();
    await expect(page).toHaveURL(/\/study$/);
    await expect(menu).not.toHaveAttribute("open");

    // On a wide screen the links sit in the header and the Menu button is gone.
    await page.setViewportSize(DESKTOP);
    await expect(toggle).toBeHidden();
    await expect(nav.getByRole("link", { name: "Study" })).toHaveAttribute("aria-current", "page");
    await expect(banner.getByRole("button", { name: "Sign out" })).toBeVisible();
    await context.close();
  });

  test("the phone menu opens without JavaScript", async ({ browser }) => {
    const context = await openAs(browser, "signed out", { viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByText("Menu", { exact: true }).click();
    await nav.getByRole("link", { name: "Simulator" }).click();
    await expect(page).toHaveURL(/\/simulator$/);
    await context.close();
  });

  test("keyboard hints show with a mouse and keyboard, not on a touch-only phone", async ({ browser }) => {
    const cram = `/study?mode=cram&topic=${SWEEP_TOPIC}`;
    const hint = (page: Page) =>
      page.getByRole("region", { name: "Study session" }).getByText(/^1–\d to pick · Enter to check$/);

    const desktop = await openAs(browser, "learner", { viewport: DESKTOP });
    const wide = await desktop.newPage();
    await wide.goto(cram);
    await expect(hint(wide)).toBeVisible();
    await desktop.close();

    const phone = await openAs(browser, "learner", { viewport: PHONE, isMobile: true, hasTouch: true });
    const narrow = await phone.newPage();
    await narrow.goto(cram);
    expect(await narrow.evaluate(() => matchMedia("(hover: none) and (pointer: coarse)").matches)).toBe(true);
    await expect(
      narrow.getByRole("region", { name: "Study session" }).getByRole("radio").first(),
    ).toBeVisible();
    await expect(hint(narrow)).toBeHidden();
    await phone.close();
  });
});

test.describe("installable", () => {
  test("the manifest is linked, valid, starts on the study page, and its icons load at their stated sizes", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBeTruthy();
    const response = await request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/application\/manifest\+json/);
    const manifest = (await response.json()) as {
      name?: string;
      short_name?: string;
      start_url?: string;
      display?: string;
      theme_color?: string;
      background_color?: string;
      icons?: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: "Taskdeck", short_name: "Taskdeck", display: "standalone" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const start = await request.get(manifest.start_url ?? "");
    expect(start.status(), "start_url opens a page").toBe(200);
    expect(manifest.start_url).toBe("/study");

    const icons = manifest.icons ?? [];
    const pngSizes = new Set<string>();
    for (const icon of icons) {
      const file = await request.get(icon.src);
      expect(file.status(), `${icon.src} loads`).toBe(200);
      expect(file.headers()["content-type"], `${icon.src} type`).toContain(icon.type);
      const body = await file.body();
      if (icon.type === "image/png") {
        // A PNG's IHDR chunk holds its width and height at bytes 16–23.
        expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
        const size = `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
        expect(size, `${icon.src} is ${icon.sizes}`).toBe(icon.sizes);
        pngSizes.add(size);
      } else {
        expect(body.toString("utf8")).toContain("<svg");
      }
    }
    expect([...pngSizes].sort()).toEqual(["192x192", "512x512"]);
    expect(icons.some((icon) => icon.purpose === "maskable")).toBe(true);
    // iPhones read their home-screen icon from apple-touch-icon, not the manifest.
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    expect((await request.get(apple ?? "")).status()).toBe(200);
  });
});
