/**
 * Page quality (issue 9 item 6): Lighthouse 12.2.3, desktop preset, Debian Chromium headless, on
 * the production build with a throwaway database loaded from content/. Pages behind sign-in get a
 * freshly signed-up learner's session cookie through `extraHeaders`.
 * Targets: performance, accessibility and best practices ≥ 95 each. First-load JavaScript per
 * route is the gzipped transfer size of every script the page loaded (Next compresses responses);
 * budget: /study ≤ 180 KB. The simulator must not be loaded on /study: every script /study loads
 * is fetched and searched for the simulator's own identifiers.
 * `npm run bench -- pages`; PAGES_ROUTES=/,/study narrows the routes.
 */
import fs from "node:fs";
import path from "node:path";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium";
import { prepareDatabase } from "../lib/prepare-database";
import { ensureBuild, round, scratchFolder, startServer } from "./harness";
import type { BenchResult } from "./types";

const SCORE_TARGET = 95;
const STUDY_JS_BUDGET_KB = 180;
/** Strings only the simulator's client code contains (lib/sim's placement engine). */
const SIMULATOR_MARKERS = ["binpack", "placementStrategy"];

/** Routes to audit: the fixed ones, plus the quiz, dashboard and progress pages once they exist. */
function routes(): string[] {
  const wanted = process.env.PAGES_ROUTES?.split(",").filter(Boolean);
  if (wanted) return wanted;
  const optional = ["simulator", "quiz", "dashboard", "progress"].filter((route) =>
    fs.existsSync(path.join("app", route, "page.tsx")),
  );
  return ["/", "/study", ...optional.map((route) => `/${route}`)];
}

type NetworkItem = { url: string; resourceType?: string; transferSize?: number };

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
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.url },
      body: JSON.stringify({
        name: "Page Bench",
        email: `pages-${Date.now()}@example.test`,
        password: "correct horse battery staple 42",
      }),
    });
    const cookie = signUp.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .find((pair) => pair?.startsWith("taskdeck.session_token="));
    if (!cookie) throw new Error(`sign-up gave no session cookie (${signUp.status})`);

    for (const route of routes()) {
      const url = `${server.url}${route}`;
      const runner = await lighthouse(
        url,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
          extraHeaders: route === "/" ? {} : { Cookie: cookie },
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
          metric: `${route} ${label}`,
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
          if (failing.length > 0) console.log(`  ${route} ${label} ${score}: ${failing.join(", ")}`);
        }
      }
      const items = ((lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)
        ?.items ?? []) as NetworkItem[];
      const scripts = items.filter((item) => item.resourceType === "Script");
      const kb = scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024;
      const isStudy = route === "/study";
      rows.push({
        metric: `${route} first-load JS (gzip)`,
        value: round(kb),
        unit: "KB",
        ...(isStudy ? { target: `≤ ${STUDY_JS_BUDGET_KB} KB`, ok: kb <= STUDY_JS_BUDGET_KB } : {}),
      });
      // Counted on every route: on /simulator it must find the engine (proof the markers work).
      let simulatorScripts = 0;
      for (const script of scripts) {
        const body = await (await fetch(script.url)).text();
        if (SIMULATOR_MARKERS.some((marker) => body.includes(marker))) simulatorScripts += 1;
      }
      rows.push({
        metric: `${route} scripts containing the simulator`,
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
