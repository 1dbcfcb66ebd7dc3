/**
 * Simulator view benchmark: animation frame times of /simulator with 300 tasks while the
 * timeline plays, and the JavaScript /simulator loads compared with / (the simulator must
 * not ship on pages without it).
 *
 * Serves the production build (built first when stale) with Taskdeck's server (scripts/serve.mjs) on a free port
 * and a throwaway, migrated SQLite file, and drives Debian's Chromium headless. A frame's
 * time is the main thread's work for it, read from a Chromium trace: the top-level tasks
 * (script, style, layout, paint) that ran between one BeginMainThreadFrame and the next.
 * A frame that takes longer than 16 ms of work misses the display's refresh.
 *
 * Standalone: `npx tsx scripts/bench/sim-view.ts`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { configToYaml } from "../../components/sim/sandbox/config";
import { presetById } from "../../components/sim/sandbox/presets";
import { encodeScenarioParam } from "../../components/sim/sandbox/scenario-url";
import { PLAY_INTERVAL_MS } from "../../components/sim/timeline";
import { isBuildStale } from "../lib/build-state";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "../lib/chromium";
import { prepareDatabase } from "../lib/prepare-database";
import { baseEnv, bin, freePort, run, SERVER_SCRIPT } from "../lib/run";
import { type BenchResult, printResult, summarize } from "./types";

const TASKS = 300;
const FRAME_TARGET_MS = 16;
/** A string only the simulator engine contains: its presence in a script means the engine shipped. */
const ENGINE_MARKER = "Classic Load Balancers are not supported";
const PLAYBACK_TIMEOUT_MS = 60_000;
const NAVIGATION_TIMEOUT_MS = 120_000;
type Server = { url: string; child: ChildProcess; scratch: string };

async function startServer(): Promise<Server> {
  if (isBuildStale()) {
    console.log("▸ Building the app for the view benchmark");
    if ((await run(bin("next"), ["build"])) !== 0) throw new Error("next build failed");
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-bench-view-"));
  const databaseUrl = `file:${path.join(scratch, "bench.db")}`;
  if (!(await prepareDatabase(databaseUrl))) throw new Error("the throwaway database could not be migrated");
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env: baseEnv({ DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1" }),
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, child, scratch };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stopServer({ url, child, scratch });
  throw new Error(`the server did not answer on ${url} within a minute`);
}

function stopServer(server: Server): void {
  // The server runs in its own process group (detached), which this benchmark started.
  if (server.child.pid) {
    try {
      process.kill(-server.child.pid, "SIGTERM");
    } catch {
      server.child.kill("SIGTERM");
    }
  }
  fs.rmSync(server.scratch, { recursive: true, force: true });
}

/**
 * Kilobytes of JavaScript a fresh visit to the page downloads by its load event plus two
 * seconds (Next prefetches linked routes' data in the background; the page never goes
 * network-idle), and how many of those scripts carry the simulator engine.
 */
async function scriptWeight(browser: Browser, url: string): Promise<{ kb: number; engineScripts: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Array<Promise<Buffer | null>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => null));
  });
  await page.goto(url, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
  await page.waitForTimeout(2_000);
  const loaded = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await context.close();
  return {
    kb: loaded.reduce((sum, b) => sum + b.length, 0) / 1024,
    engineScripts: loaded.filter((b) => b.includes(ENGINE_MARKER)).length,
  };
}

// Page scripts are strings: tsx would wrap a function passed to page.evaluate with helpers
// (__name) that do not exist in the page. This one keeps a frame coming every refresh, as
// an animation would, so idle stretches count as (cheap) frames too.
const KEEP_FRAMES = `(() => {
  const tick = () => { if (window.__keepFrames) requestAnimationFrame(tick); };
  window.__keepFrames = true;
  requestAnimationFrame(tick);
})()`;

type TraceEvent = {
  tdur?: number;
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
};

/**
 * Main-thread work per frame (ms), from a Chromium trace of the renderer: the top-level
 * tasks that started between one BeginMainThreadFrame and the next, in wall time and in
 * CPU time.
 */
export function frameWork(events: TraceEvent[]): { wall: number[]; cpu: number[] } {
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  if (!main) return { wall: [], cpu: [] };
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = own
    .filter((e) => e.ph === "X" && (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask"))
    .sort((a, b) => a.ts - b.ts);
  const frames = own
    .filter((e) => e.name === "BeginMainThreadFrame")
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const wall: number[] = [];
  const cpu: number[] = [];
  let t = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    const start = frames[i] ?? 0;
    const end = frames[i + 1] ?? 0;
    let busy = 0;
    let onCpu = 0;
    while (t < tasks.length && (tasks[t]?.ts ?? 0) < end) {
      const task = tasks[t];
      if (task && task.ts >= start) {
        busy += task.dur ?? 0;
        onCpu += task.tdur ?? task.dur ?? 0;
      }
      t++;
    }
    wall.push(busy / 1000);
    cpu.push(onCpu / 1000);
  }
  return { wall, cpu };
}

/** Plays the timeline once from the start and returns each frame's main-thread work. */
async function tracePlayback(
  browser: Browser,
  page: Page,
  moments: number,
): Promise<{ wall: number[]; cpu: number[] }> {
  await page.evaluate(KEEP_FRAMES);
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "toplevel", "disabled-by-default-devtools.timeline.frame"],
  });
  await page.locator(".sim-timeline__play").dispatchEvent("click");
  // Waiting on a timer, not by polling the page: Playwright's queries would run in the
  // renderer and be counted as the view's work.
  await page.waitForTimeout(moments * PLAY_INTERVAL_MS + 1_000);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.evaluate("window.__keepFrames = false");
  await page.getByRole("button", { name: "Play" }).waitFor({ timeout: PLAYBACK_TIMEOUT_MS });
  return frameWork(trace.traceEvents);
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function benchSimView(): Promise<BenchResult> {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const preset = presetById("big-service");
  if (!preset || preset.config.desiredCount !== TASKS)
    throw new Error("The big-service preset must run 300 tasks");
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const home = await scriptWeight(browser, `${server.url}/`);
    const sandbox = await scriptWeight(browser, `${server.url}/simulator`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const link = `${server.url}/simulator?s=${encodeScenarioParam(configToYaml(preset.config))}`;
    const loadStart = Date.now();
    await page.goto(link, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
    await page
      .locator("[data-task-id]")
      .nth(TASKS - 1)
      .waitFor({ timeout: NAVIGATION_TIMEOUT_MS });
    const firstView = Date.now() - loadStart;
    const moments = Number(await page.getByRole("slider", { name: "Moment" }).getAttribute("max")) + 1;

    // Warm-up: one playback, so the measured one is not the first use of the code paths.
    await tracePlayback(browser, page, moments);
    const frames = await tracePlayback(browser, page, moments);
    const chips = await page.locator("[data-task-id]").count();
    const load = os.loadavg()[0] ?? 0;
    const timing = (label: string, samples: number[]) => {
      const stats = summarize(samples);
      const over = samples.filter((f) => f >= FRAME_TARGET_MS).length;
      const row = (name: string, value: number) => ({
        metric: `${label}, ${name}`,
        value: round(value),
        unit: "ms",
        target: `< ${FRAME_TARGET_MS} ms`,
        ok: value < FRAME_TARGET_MS,
      });
      return [
        row("median", stats.median),
        row("p95", stats.p95),
        row("max", stats.max),
        {
          metric: `${label}, frames at or over ${FRAME_TARGET_MS} ms`,
          value: over,
          unit: `of ${samples.length}`,
        },
      ];
    };

    return {
      name: "sim-view",
      rows: [
        ...timing(`frame work (wall), ${TASKS} tasks, ${moments} moments played`, frames.wall),
        ...timing("frame work (CPU time)", frames.cpu),
        {
          metric: "task buttons drawn at the end",
          value: chips,
          unit: "tasks",
          target: `= ${TASKS}`,
          ok: chips === TASKS,
        },
        { metric: "open /simulator with 300 tasks until all are drawn", value: firstView, unit: "ms" },
        // Other work on the machine inflates frame times; the figure says how busy it was.
        {
          metric: `load average (1 min) on ${os.cpus().length} CPUs at the end`,
          value: round(load),
          unit: "",
        },
        { metric: "JavaScript loaded by /", value: round(home.kb), unit: "KB" },
        { metric: "JavaScript loaded by /simulator", value: round(sandbox.kb), unit: "KB" },
        {
          metric: "scripts of / that contain the simulator engine",
          value: home.engineScripts,
          unit: "scripts",
          target: "= 0",
          ok: home.engineScripts === 0,
        },
        {
          metric: "scripts of /simulator that contain the simulator engine",
          value: sandbox.engineScripts,
          unit: "scripts",
          target: "≥ 1",
          ok: sandbox.engineScripts >= 1,
        },
      ],
    };
  } finally {
    await browser.close();
    stopServer(server);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSimView().then(
    (result) => {
      printResult(result);
      process.exit(result.rows.some((row) => row.ok === false) ? 1 : 0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
