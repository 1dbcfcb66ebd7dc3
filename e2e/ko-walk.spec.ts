import { type Browser, expect, type Page, test } from "@playwright/test";
import { englishNeedles, englishRuns, englishTopics } from "../lib/i18n/english-leftovers";
import { ROLE_ACCOUNTS, type Role, STORAGE_STATE } from "./setup/accounts";
import { EXTRA_URLS, PAGE_ROUTES, type SweepData } from "./support/page-routes";
import { createSweepData } from "./support/sweep-data";

// The walk of issue #20 (item 5, "Done when" 3): every main page, as a visitor, a learner, an
// instructor and (for the People page) an admin, in a browser that asks for Korean. A page fails
// when it shows
//  - an English catalog message that has a different Korean one (the page, or a component on
//    it, reads the English catalog or repeats its words: lib/i18n/english-leftovers.ts);
//  - a run of three or more English words outside <code>, <pre>, <kbd> and `lang="en"` elements,
//    AWS and product names aside. Text people wrote (names, class and quiz titles) is listed below.
//  - a topic's English name ("Launch types", "Storage") where Korean has its own, in the same text.
// The text, aria-label, title, placeholder and alt of every element count, and the tab's title.
// The records are the 375 px sweep's (e2e/mobile.spec.ts); they are made through the English
// pages, so this file's default language stays English and only the walking browsers ask for Korean.

type Viewer = "visitor" | Role;
const KOREAN = { locale: "ko-KR" } as const;

/** Which viewers open each URL: every page by the three main kinds; /admin by the admin only. */
const viewersOf = (route: string): Viewer[] =>
  route === "/admin" ? ["admin"] : ["visitor", "learner", "instructor"];

type Shown = { texts: string[]; wholes: string[]; marked: string[]; title: string; lang: string };

/** The text the page shows outside code and English-marked elements, read in the browser. */
function readPage(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const skip = "script, style, noscript, template, code, pre, kbd, samp";
    const isEnglishMarked = (el: Element) =>
      (el.closest("[lang]")?.getAttribute("lang") ?? "").startsWith("en");
    const excluded = (el: Element | null) => !el || Boolean(el.closest(skip)) || isEnglishMarked(el);
    const clean = (text: string) => text.replace(/\s+/g, " ").trim();
    const texts: string[] = [];
    // English content the page marks as such (an untranslated question's options): a label that
    // repeats it ("“{text}” 위로 이동") is judged on its own words only.
    const marked = Array.from(document.body.querySelectorAll('[lang^="en"]'))
      .filter((el) => !el.parentElement?.closest('[lang^="en"]'))
      .map((el) => clean(el.textContent ?? ""))
      .filter(Boolean);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = clean(node.textContent ?? "");
      if (text && !excluded(node.parentElement)) texts.push(text);
    }
    const wholes: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (excluded(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name);
        if (value) texts.push(clean(value));
      }
      // A message with links or emphasis inside is split over elements; its element reads it whole.
      const whole = clean(el.textContent ?? "");
      if (whole && whole.length < 400 && !el.querySelector(skip)) wholes.push(whole);
    }
    return { texts, wholes, marked, title: document.title, lang: document.documentElement.lang };
  });
}

const needles = englishNeedles();

/** What on the page is English, in words a report can list. */
function englishOn(shown: Shown, ownWords: string[]): string[] {
  const found = new Set<string>();
  for (const text of new Set([...shown.texts, ...shown.wholes, shown.title.replace(/ · Taskdeck$/, "")])) {
    for (const needle of needles)
      if (needle.pattern.test(text)) found.add(`catalog ${needle.key}: "${text}"`);
  }
  // Longest first, so a text that holds a shorter one is taken out whole.
  const allowed = [...ownWords, ...shown.marked].sort((a, b) => b.length - a.length);
  for (const text of new Set([...shown.texts, shown.title])) {
    for (const run of englishRuns(text, allowed)) found.add(`English words: "${run}"`);
    for (const name of englishTopics(text, allowed)) found.add(`English topic "${name}": "${text}"`);
  }
  return [...found];
}

async function open(browser: Browser, viewer: Viewer) {
  return browser.newContext({
    ...KOREAN,
    ...(viewer === "visitor" ? {} : { storageState: STORAGE_STATE[viewer] }),
  });
}

/** With KO_WALK_SHOTS=<dir>: the instructor's Insight page and quiz builder at 1280 and 375 px, to look at. */
async function screenshotIfAsked(page: Page, viewer: Viewer, url: string) {
  const dir = process.env.KO_WALK_SHOTS;
  const name = /\/insight$/.test(url) ? "insight" : /\/quizzes\/new$/.test(url) ? "quiz-builder" : null;
  if (!dir || viewer !== "instructor" || !name) return;
  const before = page.viewportSize();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/ko-${name}-${width}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Opens every URL `viewer` may see in a Korean browser; what each shows in English. */
async function walk(browser: Browser, viewer: Viewer, data: SweepData): Promise<string[]> {
  const context = await open(browser, viewer);
  const page = await context.newPage();
  // What people wrote (their names, the sweep's class, quiz and deck titles) is theirs to keep.
  const names = Object.values(ROLE_ACCOUNTS).map((account) => account.name);
  const written = [
    /Phone sweep class with a rather long name \S+/,
    /Sweep (?:quiz in progress|quiz submitted|deck) \S+/,
  ];
  const problems: string[] = [];
  const urls = [
    ...PAGE_ROUTES.filter(({ route }) => viewersOf(route).includes(viewer)).flatMap(({ urls }) => urls(data)),
    ...(viewer === "admin" ? [] : EXTRA_URLS.map(({ url }) => url)),
  ];
  try {
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status() ?? 0, `${url}: server error`).toBeLessThan(500);
      const waited = Date.now();
      await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
      // A page that never goes quiet costs the whole 5 s: name it, the walk runs in every `npm test`.
      if (Date.now() - waited > 2_000)
        console.log(`[ko-walk] ${viewer} ${url}: ${Date.now() - waited} ms to idle`);
      const shown = await readPage(page);
      // innerText, not textContent: it keeps the breaks between elements, so a title ends where it shows.
      const titles = await page.evaluate(
        (sources) =>
          // biome-ignore lint/performance/useDomNodeTextContent: rendered breaks end each title.
          sources.flatMap((source) => document.body.innerText.match(new RegExp(source, "g")) ?? []),
        written.map((pattern) => pattern.source),
      );
      expect(shown.lang, `${url}: <html lang>`).toBe("ko");
      await screenshotIfAsked(page, viewer, url);
      for (const problem of englishOn(shown, [...names, ...titles]))
        problems.push(`${viewer} ${url} ${problem}`);
    }
  } finally {
    await context.close();
  }
  return problems;
}

test.describe("every main page in Korean", () => {
  let data: SweepData;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    data = await createSweepData(browser);
  });

  // One test walks every viewer, so the report lists everything left at once.
  test("no English is left on a Korean page, for any viewer", async ({ browser }) => {
    test.setTimeout(900_000);
    // The viewers walk side by side (each in its own browser context, reading only): most of a
    // page's time is the wait for the network to go quiet, which overlaps; one after another the
    // walk took 2.5–3.5 minutes of every `npm test`. Its times are printed to keep an eye on them.
    const started = Date.now();
    const walks = await Promise.all(
      (["visitor", "learner", "instructor", "admin"] as const).map(async (viewer) => {
        const found = await walk(browser, viewer, data);
        console.log(`[ko-walk] ${viewer}: done after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return found;
      }),
    );
    const problems = walks.flat();
    console.log(`[ko-walk] ${problems.length} problems\n${problems.join("\n")}`);
    expect(problems, "English on Korean pages").toEqual([]);
  });
});
