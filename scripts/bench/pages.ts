/**
 * Page quality (issue 9 item 6): Lighthouse 12.2.3, desktop preset, Debian Chromium headless, on
 * the production build with a throwaway database loaded from content/. Pages behind sign-in get a
 * freshly signed-up learner's session cookie through `extraHeaders`.
 * Targets: performance, accessibility and best practices ≥ 95 each. First-load JavaScript per
 * route is the gzipped transfer size of every script the page loaded (Next compresses responses);
 * budget: /study ≤ 180 KB. The simulator must not be loaded on /study: every script /study loads
 * is fetched and searched for the simulator's own identifiers.
 * /progress is audited twice: for the fresh learner (empty charts) and for a learner with a year
 * of reviews (3,000 over 365 days, misconceptions) and an exam date in 40 days, so every chart and
 * the readiness section are drawn.
 * `npm run bench -- pages`; PAGES_ROUTES=/,/study narrows the routes; PAGES_LOCALE=ko-KR audits the
 * pages as a browser asking for that language does (issue 20: accessibility stays 100 with lang="ko").
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium";
import { prepareDatabase } from "../lib/prepare-database";
import { ensureBuild, round, scratchFolder, startServer } from "./harness";
import type { BenchResult } from "./types";

const SCORE_TARGET = 95;
/** Pages audited as a visitor (no session cookie): signed in, they would redirect or show Today. */
const VISITOR_PAGES = ["/", "/sign-in", "/sign-up"];
const STUDY_JS_BUDGET_KB = 180;
/** Strings only the simulator's client code contains (lib/sim's placement engine). */
const SIMULATOR_MARKERS = ["binpack", "placementStrategy"];

/** Routes to audit: the fixed ones, plus the simulator, quiz, practice-exam and progress pages. */
function routes(): string[] {
  const wanted = process.env.PAGES_ROUTES?.split(",").filter(Boolean);
  if (wanted) return wanted;
  const optional = ["simulator", "quizzes", "exam", "progress"].filter((route) =>
    fs.existsSync(path.join("app", route, "page.tsx")),
  );
  return ["/", "/study", ...optional.map((route) => `/${route}`)];
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const DAY = 86_400_000;

/**
 * Gives the learner `email` a year of history straight in the database: a studied card for each of
 * the first 40 questions, 3,000 graded reviews over 365 days (a third of them practice answers,
 * some wrong with a misconception), and an exam date in 40 days.
 */
export function seedHistory(file: string, email: string): void {
  const db = new Database(file);
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string } | undefined;
    if (!user) throw new Error(`no user ${email}`);
    const questions = db
      .prepare("SELECT id, topic FROM Question WHERE retiredAt IS NULL ORDER BY id LIMIT 40")
      .all() as Array<{ id: string }>;
    const now = Date.now();
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const insertCard = db.prepare(
      `INSERT INTO StudyCard (id, userId, questionId, side, phase, due, stability, difficulty, elapsedDays,
         scheduledDays, learningSteps, reps, lapses, lastReview, createdAt, updatedAt)
       VALUES (?, ?, ?, '', 'review', ?, ?, 5, 0, ?, 0, 5, 1, ?, ?, ?)`,
    );
    const insertReview = db.prepare(
      `INSERT INTO Review (id, userId, cardId, questionId, revision, kind, grade, wasNew, stateBefore, stateAfter,
         durationMs, isCorrect, confidence, misconception, clientTime, serverTime)
       VALUES (?, ?, ?, ?, 1, 'grade', ?, 0, '{}', '{}', ?, ?, ?, ?, ?, ?)`,
    );
    const GRADES = ["again", "hard", "good", "easy"];
    const TAGS = ["bridge-on-fargate", "host-on-fargate", "task-role-vs-execution-role", "alb-static-ip"];
    db.transaction(() => {
      const cards = questions.map((q) => {
        const id = randomUUID();
        const stability = 1 + random() * 60;
        const last = now - Math.floor(random() * 20) * DAY;
        const interval = Math.max(1, Math.round(stability));
        insertCard.run(
          id,
          user.id,
          q.id,
          iso(last + interval * DAY),
          stability,
          interval,
          iso(last),
          iso(now),
          iso(now),
        );
        return { id, questionId: q.id };
      });
      for (let i = 0; i < 3000; i += 1) {
        const card = cards[Math.floor(random() * cards.length)] as { id: string; questionId: string };
        const at = iso(now - Math.floor(random() * 365 * DAY));
        const grade = GRADES[Math.floor(random() * 4)] as string;
        const isQuestion = random() < 1 / 3;
        const tag = isQuestion && grade === "again" ? (TAGS[Math.floor(random() * 4)] as string) : null;
        insertReview.run(
          randomUUID(),
          user.id,
          card.id,
          card.questionId,
          grade,
          2000 + Math.floor(random() * 15_000),
          isQuestion ? (grade === "again" ? 0 : 1) : null,
          isQuestion ? "sure" : null,
          tag,
          at,
          at,
        );
      }
      db.prepare(
        `INSERT INTO StudySettings (userId, examDate, examTargetRecall, updatedAt) VALUES (?, ?, 0.85, ?)
         ON CONFLICT(userId) DO UPDATE SET examDate = excluded.examDate, examTargetRecall = 0.85`,
      ).run(user.id, iso(now + 40 * DAY), iso(now));
    })();
  } finally {
    db.close();
  }
}

/** Signs a learner up through the app and returns their session cookie ("name=value"). */
async function signUpLearner(serverUrl: string, email: string): Promise<string> {
  const signUp = await fetch(`${serverUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: serverUrl },
    body: JSON.stringify({ name: "Page Bench", email, password: "correct horse battery staple 42" }),
  });
  const cookie = signUp.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .find((pair) => pair?.startsWith("taskdeck.session_token="));
  if (!cookie) throw new Error(`sign-up gave no session cookie (${signUp.status})`);
  return cookie;
}

type NetworkItem = { url: string; resourceType?: string; transferSize?: number };

/** Starts a 65-question practice exam for the learner `email`; resolves to its attempt page. */
async function startPracticeExam(file: string, email: string): Promise<string> {
  const { createPrismaClient } = await import("../../lib/server/db");
  const { createExam } = await import("../../lib/server/data/quizzes");
  const { startAttempt } = await import("../../lib/server/data/attempts");
  const prisma = createPrismaClient(`file:${file}`);
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const actor = { id: user.id, name: user.name, email: user.email, roles: ["learner" as const] };
    const topics = (await prisma.question.findMany({ distinct: ["topic"], select: { topic: true } })).map(
      (q) => q.topic,
    );
    const quiz = await createExam(prisma, actor, {
      title: "Lighthouse practice exam",
      topics,
      questionCount: 65,
      timeLimitMinutes: 130,
    });
    const { attemptId } = await startAttempt(prisma, actor, quiz.id, new Date());
    return `/quizzes/${quiz.id}/attempts/${attemptId}`;
  } finally {
    await prisma.$disconnect();
  }
}

export async function benchPages(): Promise<BenchResult> {
  const chromePath = await findChromium();
  if (!chromePath)
    return { name: "pages", rows: [{ metric: "no Chromium found: skipped", value: 0, unit: "" }] };
  await ensureBuild();
  const scratch = scratchFolder("taskdeck-bench-pages-");
  const file = path.join(scratch.dir, "pages.db");
  if (!(await prepareDatabase(`file:${file}`))) throw new Error("prepareDatabase failed");
  const server = await startServer(file);
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [...CHROMIUM_ARGS, "--headless=new"],
    logLevel: "silent",
  });
  const rows: BenchResult["rows"] = [];
  try {
    const learnerEmail = `pages-${Date.now()}@example.test`;
    const cookie = await signUpLearner(server.url, learnerEmail);
    const audits: Array<{ route: string; label: string; cookie: string }> = routes().map((route) => ({
      route,
      label: route,
      cookie,
    }));
    if (!process.env.PAGES_ROUTES) {
      // The page a learner takes a quiz on: a 65-question practice exam, started as /exam does.
      audits.push({
        route: await startPracticeExam(file, learnerEmail),
        label: "exam attempt (65 questions)",
        cookie,
      });
    }
    if (audits.some((a) => a.route === "/progress")) {
      const email = `pages-history-${Date.now()}@example.test`;
      const withHistory = await signUpLearner(server.url, email);
      seedHistory(file, email);
      audits.push({
        route: "/progress",
        label: "/progress (a year of reviews, exam date)",
        cookie: withHistory,
      });
    }

    for (const { route, label: name, cookie } of audits) {
      const url = `${server.url}${route}`;
      const runner = await lighthouse(
        url,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
          extraHeaders: {
            ...(VISITOR_PAGES.includes(route) ? {} : { Cookie: cookie }),
            ...(process.env.PAGES_LOCALE ? { "Accept-Language": process.env.PAGES_LOCALE } : {}),
          },
        },
        desktopConfig,
      );
      const lhr = runner?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${route}`);
      if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== route)
        console.log(`  ${route} ended on ${lhr.finalDisplayedUrl}`);
      for (const [id, label] of [
        ["performance", "performance"],
        ["accessibility", "accessibility"],
        ["best-practices", "best practices"],
      ] as const) {
        const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
        rows.push({
          metric: `${name} ${label}`,
          value: score,
          unit: "",
          target: `≥ ${SCORE_TARGET}`,
          ok: score >= SCORE_TARGET,
        });
        // Name what costs points, so the table leads straight to the fix.
        if (score < 100) {
          const failing = (lhr.categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .map((ref) => lhr.audits[ref.id])
            .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
            .map((audit) => `${audit?.id} (${audit?.displayValue ?? audit?.score})`);
          if (failing.length > 0) console.log(`  ${name} ${label} ${score}: ${failing.join(", ")}`);
        }
      }
      const items = ((lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)
        ?.items ?? []) as NetworkItem[];
      const scripts = items.filter((item) => item.resourceType === "Script");
      const kb = scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024;
      const isStudy = route === "/study";
      rows.push({
        metric: `${name} first-load JS (gzip)`,
        value: round(kb),
        unit: "KB",
        ...(isStudy ? { target: `≤ ${STUDY_JS_BUDGET_KB} KB`, ok: kb <= STUDY_JS_BUDGET_KB } : {}),
      });
      // Of those, the scripts the HTML itself names; the rest were fetched later by the page
      // (on /progress: the charts, once a chart came near the viewport).
      const html = await (await fetch(url, { headers: route === "/" ? {} : { Cookie: cookie } })).text();
      const named = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]));
      const namedKb =
        scripts
          .filter((item) => named.has(new URL(item.url).pathname + new URL(item.url).search))
          .reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024;
      rows.push({ metric: `${name} JS named in the HTML (gzip)`, value: round(namedKb), unit: "KB" });
      // Counted on every route: on /simulator it must find the engine (proof the markers work).
      let simulatorScripts = 0;
      for (const script of scripts) {
        const body = await (await fetch(script.url)).text();
        if (SIMULATOR_MARKERS.some((marker) => body.includes(marker))) simulatorScripts += 1;
      }
      rows.push({
        metric: `${name} scripts containing the simulator`,
        value: simulatorScripts,
        unit: "",
        ...(isStudy ? { target: "0", ok: simulatorScripts === 0 } : {}),
      });
    }
  } finally {
    chrome.kill();
    await server.stop();
    scratch.cleanup();
  }
  return { name: "pages: Lighthouse 12.2.3 desktop, first-load JS", rows };
}
