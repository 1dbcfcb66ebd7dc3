/**
 * Study speed (issue 10, item 7).
 * (a) Server: `recordGrade` p50/p99 over 2,000 gradings on the large database (1,000,000 reviews).
 *     Target: p99 < 30 ms.
 * (b) Browser: grade → next card on screen, p95, in headless Chromium against `serve.mjs`
 *     (a throwaway database loaded from content/, one signed-up learner, keyboard only).
 *     Target: p95 < 100 ms. Measured in the page from the grading keydown to the mutation that
 *     puts the next card's heading in the DOM, and to the frame after it (≈ paint).
 * `npm run bench -- study`; STUDY_GRADINGS and STUDY_BROWSER_CARDS shorten it, STUDY_PARTS=server
 * (or browser) runs one half.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium";
import { prepareDatabase } from "../lib/prepare-database";
import { ensureBuild, largeDatabaseCopy, round, scratchFolder, seededLearners, startServer } from "./harness";
import { type BenchResult, summarize } from "./types";

const SERVER_TARGET_MS = 30;
const BROWSER_TARGET_MS = 100;

async function benchServer(rows: BenchResult["rows"]): Promise<void> {
  const gradings = Number(process.env.STUDY_GRADINGS ?? 2000);
  const scratch = scratchFolder("taskdeck-bench-study-");
  try {
    const file = await largeDatabaseCopy(path.join(scratch.dir, "large.db"));
    const { createPrismaClient } = await import("../../lib/server/db");
    const { recordGrade } = await import("../../lib/server/data/study-grading");
    const prisma = createPrismaClient(`file:${file}`);
    const learners = seededLearners(file, 100);
    const grades = ["again", "hard", "good", "easy"] as const;
    const times: number[] = [];
    const warmup = 50;
    for (let i = 0; i < gradings + warmup; i++) {
      const learner = learners[i % learners.length];
      if (!learner) break;
      const questionId = learner.cards[Math.floor(i / learners.length) % learner.cards.length] as string;
      const actor = {
        id: learner.userId,
        name: "Learner",
        email: "l@large.test",
        roles: ["learner" as const],
      };
      const start = performance.now();
      await recordGrade(
        prisma,
        actor,
        {
          reviewId: randomUUID(),
          ref: { questionId, side: "" },
          grade: grades[i % 4],
          durationMs: 3000,
          clientTime: new Date().toISOString(),
        },
        new Date(),
      );
      if (i >= warmup) times.push(performance.now() - start);
    }
    await prisma.$disconnect();
    const db = new Database(file, { readonly: true });
    const reviews = (db.prepare(`SELECT COUNT(*) AS n FROM "Review"`).get() as { n: number }).n;
    db.close();
    const s = summarize(times);
    rows.push(
      { metric: "recordGrade gradings", value: times.length, unit: "" },
      { metric: "review rows in the database", value: reviews, unit: "" },
      { metric: "recordGrade p50", value: round(s.median, 2), unit: "ms" },
      {
        metric: "recordGrade p99",
        value: round(s.p99, 2),
        unit: "ms",
        target: `< ${SERVER_TARGET_MS} ms`,
        ok: s.p99 < SERVER_TARGET_MS,
      },
    );
  } finally {
    scratch.cleanup();
  }
}

/**
 * Installed in the page: times an armed keydown until the next card's heading is in the DOM, and
 * until the frame after it. A string, not a function: tsx would wrap a function's inner helpers
 * in a `__name()` call that does not exist in the page.
 */
const PROBE = `
(() => {
  const w = window;
  w.__samples = [];
  w.__pending = false;
  w.__armed = false;
  const headingId = () => document.querySelector("article.study__card h2")?.id ?? "";
  document.addEventListener("keydown", () => {
    if (!w.__armed) return;
    w.__armed = false;
    const before = headingId();
    const start = performance.now();
    w.__pending = true;
    const observer = new MutationObserver(() => {
      if (headingId() === before) return;
      observer.disconnect();
      const dom = performance.now() - start;
      requestAnimationFrame(() => {
        w.__samples.push({ dom, frame: performance.now() - start });
        w.__pending = false;
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["id"] });
    setTimeout(() => {
      if (!w.__pending) return;
      observer.disconnect();
      w.__pending = false;
    }, 5000);
  }, { capture: true });
})();
`;

async function benchBrowser(rows: BenchResult["rows"]): Promise<void> {
  const cards = Number(process.env.STUDY_BROWSER_CARDS ?? 120);
  const chromiumPath = await findChromium();
  if (!chromiumPath) {
    rows.push({ metric: "browser: no Chromium found, skipped", value: 0, unit: "" });
    return;
  }
  await ensureBuild();
  const scratch = scratchFolder("taskdeck-bench-study-browser-");
  const file = path.join(scratch.dir, "study.db");
  if (!(await prepareDatabase(`file:${file}`))) throw new Error("prepareDatabase failed");
  const server = await startServer(file);
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const email = `bench-${Date.now()}@example.test`;
    const signUp = await context.request.post("/api/auth/sign-up/email", {
      headers: { Origin: server.url },
      data: { name: "Bench Learner", email, password: "correct horse battery staple 42" },
    });
    if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()} ${await signUp.text()}`);
    // Lift the daily new-card limit so one learner has enough cards for the sample.
    const db = new Database(file);
    const user = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email) as { id: string };
    db.prepare(
      `INSERT INTO "StudySettings" (userId, newPerDay, updatedAt) VALUES (?, 9999, ?)
       ON CONFLICT(userId) DO UPDATE SET newPerDay = 9999`,
    ).run(user.id, new Date().toISOString().replace("Z", "+00:00"));
    db.close();

    const page = await context.newPage();
    await page.addInitScript({ content: PROBE });
    await page.goto("/study");
    await page.waitForSelector("article.study__card h2");
    let graded = 0;
    for (let i = 0; i < cards * 2 && graded < cards; i++) {
      const heading = page.locator("article.study__card h2");
      if ((await heading.count()) === 0) break;
      const card = page.locator("article.study__card");
      const arm = () => page.evaluate(() => ((window as unknown as { __armed: boolean }).__armed = true));
      const typed = card.locator("input[type=text], input:not([type])");
      if ((await typed.count()) > 0) {
        // A typed-answer question: type, Enter submits, then Enter moves on (timed).
        await typed.first().fill("x");
        await typed.first().press("Enter");
        await page.waitForTimeout(30);
        await arm();
        await page.keyboard.press("Enter");
      } else if ((await card.locator("fieldset.options, ol.ordering").count()) > 0) {
        // A choice or ordering question: pick option 1 (or move one item: Enter never hands in an
        // order the learner did not arrange), Enter submits, then Enter moves on (timed).
        if ((await card.locator("ol.ordering").count()) > 0) {
          await card.locator(".ordering__moves button:not([disabled])").first().click();
          await card.locator("h2").focus();
        } else await page.keyboard.press("1");
        await page.keyboard.press("Enter");
        await page.waitForTimeout(30);
        await arm();
        await page.keyboard.press("Enter");
      } else {
        // A flashcard: Space reveals, then 3 grades Good (timed).
        await page.keyboard.press("Space");
        await page.waitForTimeout(30);
        await arm();
        await page.keyboard.press("3");
      }
      await page.waitForFunction(() => !(window as unknown as { __pending: boolean }).__pending, null, {
        timeout: 6000,
      });
      graded += 1;
      await page.waitForTimeout(40); // a learner's pause; lets the save and prefetch run
    }
    console.log(`  browser: ${graded} cards graded on ${page.url()}`);
    const samples = await page.evaluate(
      () => (window as unknown as { __samples: Array<{ dom: number; frame: number }> }).__samples,
    );
    const dom = summarize(samples.map((s) => s.dom));
    const frame = summarize(samples.map((s) => s.frame));
    rows.push(
      { metric: "browser: cards timed", value: samples.length, unit: "" },
      { metric: "browser: grade → next card in DOM p50", value: round(dom.median), unit: "ms" },
      {
        metric: "browser: grade → next card in DOM p95",
        value: round(dom.p95),
        unit: "ms",
        target: `< ${BROWSER_TARGET_MS} ms`,
        ok: samples.length > 0 && dom.p95 < BROWSER_TARGET_MS,
      },
      { metric: "browser: grade → next frame p95", value: round(frame.p95), unit: "ms" },
    );
  } finally {
    await browser.close();
    await server.stop();
    scratch.cleanup();
  }
}

export async function benchStudy(): Promise<BenchResult> {
  const rows: BenchResult["rows"] = [];
  const parts = process.env.STUDY_PARTS ?? "server,browser";
  if (parts.includes("server")) await benchServer(rows);
  if (parts.includes("browser"))
    try {
      await benchBrowser(rows);
    } catch (error) {
      console.error(`  browser part failed: ${error instanceof Error ? error.message : error}`);
      rows.push({ metric: "browser: failed (see log)", value: 0, unit: "", ok: false });
    }
  return { name: "study: grading speed (issue 10 item 7)", rows };
}
