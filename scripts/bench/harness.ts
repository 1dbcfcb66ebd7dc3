// Shared by the study, load, fault and page benchmarks: the production server on a free port,
// the large seeded database, signed session cookies and server-action calls over plain HTTP.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { isBuildStale } from "../lib/build-state";
import { baseEnv, bin, freePort, run, SERVER_SCRIPT } from "../lib/run";

/** A secret the benchmark servers sign cookies with, so the harness can mint sessions. */
export const BENCH_SECRET = randomBytes(32).toString("base64url");
export const SESSION_COOKIE = "taskdeck.session_token";

/** Builds the app when `.next` is missing or older than a source file. */
export async function ensureBuild(): Promise<void> {
  // Another session may be building in this folder at the same moment ("Another next build
  // process is already running"): wait for it, and use its build when that one is fresh.
  for (let attempt = 0; attempt < 15; attempt++) {
    if (!isBuildStale()) return;
    console.log("▸ Building the app (next build)");
    if ((await run(bin("next"), ["build"])) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
  throw new Error("next build failed");
}

export type Server = {
  url: string;
  port: number;
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts Taskdeck's server (scripts/serve.mjs) on 127.0.0.1 against `databaseFile` and waits until /api/health answers.
 * `wrap` may run it under another command (the fault bench mounts its folder read-only first).
 */
export async function startServer(
  databaseFile: string,
  extraEnv: Record<string, string> = {},
  wrap: (command: string, args: string[]) => [string, string[]] = (command, args) => [command, args],
): Promise<Server> {
  // Another session may have started a build that removed the last one: wait for a build.
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) await ensureBuild();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = baseEnv({
    DATABASE_URL: `file:${databaseFile}`,
    BETTER_AUTH_SECRET: BENCH_SECRET,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    ...extraEnv,
  });
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (open it in
  // Chrome's DevTools, Performance tab) — how the load's hot paths were found.
  // BENCH_NODE_FLAGS: more flags for the server's Node (e.g. --trace-gc, with BENCH_SERVER_LOG).
  const profile = process.env.BENCH_CPU_PROF;
  const flags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const args = [
    ...flags,
    ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`] : []),
    SERVER_SCRIPT,
  ];
  const [command, wrappedArgs] = wrap(process.execPath, args);
  const child = spawn(command, wrappedArgs, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // BENCH_SERVER_LOG=<file>: the server's whole output is also written there.
  const logFile = process.env.BENCH_SERVER_LOG;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (logFile) fs.appendFileSync(logFile, chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      await response.text();
      return { url, port, child, log: () => output, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stop();
  throw new Error(`the server did not answer within 60 s:\n${output}`);
}

/** The cookie better-auth expects for a session token, signed with BENCH_SECRET. */
export function sessionCookie(token: string, secret = BENCH_SECRET): string {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** The id Next gave a server action in this build (`.next/server/server-reference-manifest.json`). */
export function actionId(file: string, exportedName: string): string | null {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, value]) => value.filename === file && value.exportedName === exportedName,
  );
  return entry?.[0] ?? null;
}

/**
 * Where a browser would POST a server action: its id, and the path of the first page that uses it
 * (route groups dropped, dynamic segments filled with "x"). Null when no client code imports it.
 */
export function actionTarget(file: string, exportedName: string): { id: string; path: string } | null {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string; workers?: Record<string, unknown> }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, value]) => value.filename === file && value.exportedName === exportedName,
  );
  if (!entry) return null;
  const page = Object.keys(entry[1].workers ?? {})[0] ?? "app/page";
  const route = page
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]*\)/g, "")
    .replace(/\[[^\]]+\]/g, "x");
  return { id: entry[0], path: route || "/" };
}

/**
 * CPU time (user + system, ms) used so far by a process and its descendants, from /proc (Linux);
 * null elsewhere. Divided by the requests served, it is a cost per request that does not depend
 * on how busy the rest of the machine is, unlike latency.
 */
export function processTreeCpuMs(pid: number | undefined): number | null {
  if (!pid || process.platform !== "linux") return null;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  const visit = (id: number) => {
    const stat = stats.get(id);
    if (!stat) return;
    ticks += stat.ticks;
    for (const [child, value] of stats) if (value.parent === id) visit(child);
  };
  visit(pid);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux.
}

/**
 * A learner's own keep-alive connections, as a browser tab keeps them: at most two (a double press
 * sends two requests at once), used in turn (fifo) so that neither sits idle long enough for the
 * server to close it. A pool shared by every learner, or connections opened mid-run, measure
 * connection set-up instead: on this loopback a new connection to a busy server waited ~3 s.
 */
export function learnerAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 2, scheduling: "fifo" });
}

/**
 * POSTs `body` over `agent`; resolves with the status and text, rejects after `timeoutMs`. A kept-
 * alive connection the server closed just as it was reused fails before any answer: that request
 * is sent once more on a fresh connection, as browsers do (every write here is idempotent).
 */
export async function httpPost(
  url: string,
  headers: Record<string, string>,
  body: string,
  agent: http.Agent,
  timeoutMs = 30_000,
  options: { idempotent?: boolean } = {},
): Promise<{ status: number; ok: boolean; text: string; retried: boolean }> {
  let answer: { status: number; ok: boolean; text: string };
  try {
    answer = await postOnce(url, headers, body, agent, timeoutMs);
  } catch (error) {
    // A kept-alive socket the server had closed: the request never reached it, so any write may go again.
    // An idempotent write (a grading with its id, an autosave with its sequence number) whose answer
    // broke off also goes once more, as the browser's postJson does (components/ui/post-json.ts).
    const isResendable =
      error instanceof StaleConnectionError || (options.idempotent && !/TimeoutError/.test(String(error)));
    if (!isResendable) throw error;
    return { ...(await postOnce(url, headers, body, agent, timeoutMs)), retried: true };
  }
  // A gateway answering for a process that died: the browser resends these too.
  if (options.idempotent && (answer.status === 502 || answer.status === 504))
    return { ...(await postOnce(url, headers, body, agent, timeoutMs)), retried: true };
  return { ...answer, retried: false };
}

class StaleConnectionError extends Error {}

function postOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  agent: http.Agent,
  timeoutMs: number,
): Promise<{ status: number; ok: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status < 300,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
        response.on("error", reject);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`TimeoutError: no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const stale =
        request.reusedSocket && !answered && (error.code === "ECONNRESET" || error.code === "EPIPE");
      reject(stale ? new StaleConnectionError(error.message) : error);
    });
    request.end(body);
  });
}

/** Opens both of each learner's connections (a request that needs no session) before a run. */
export async function openConnections(url: string, agents: http.Agent[]): Promise<void> {
  const knock = (agent: http.Agent) =>
    postOnce(
      `${url}/api/study/grade`,
      { Origin: url, "Content-Type": "application/json" },
      "{}",
      agent,
      60_000,
    );
  await Promise.all(agents.map((agent) => Promise.all([knock(agent), knock(agent)])));
}

/** Headers for calling a server action over HTTP as a browser on `url` would. */
export function actionHeaders(url: string, id: string, cookie: string): Record<string, string> {
  return {
    "Next-Action": id,
    Origin: url,
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
    Cookie: cookie,
  };
}

/** True when an action's RSC answer carries `{"ok":true…}` (the ActionResult of Taskdeck's actions). */
export const actionSucceeded = (body: string) => /"ok":true/.test(body);

/** The large database, seeded once per machine into the temp folder and then copied per run. */
export async function largeDatabaseCopy(destination: string): Promise<string> {
  const seeded = process.env.LARGE_DB ?? path.join(os.tmpdir(), "taskdeck-bench-large.db");
  const seed = async (why: string) => {
    console.log(`▸ Seeding the large database at ${seeded} (${why}; LARGE_DB= to reuse another)`);
    const code = await run(bin("tsx"), [
      "--conditions=react-server",
      "scripts/seed-large.ts",
      "--out",
      seeded,
    ]);
    if (code !== 0) throw new Error("seed-large failed");
  };
  if (!fs.existsSync(seeded)) await seed("once");
  else {
    // A large database seeded by an older checkout lacks the newer migrations, and every request
    // against it would fail: bring it up to date, or seed it again when it cannot be.
    const env = baseEnv({ DATABASE_URL: `file:${path.resolve(seeded)}` });
    if ((await run(bin("prisma"), ["migrate", "deploy"], env)) !== 0)
      await seed("its migrations could not be brought up to date");
    const db = new Database(seeded);
    try {
      // Seeded before seed-large stopped running ANALYZE: forget its statistics (see there).
      for (const table of ["sqlite_stat1", "sqlite_stat4"])
        if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = ?").get(table))
          db.exec(`DELETE FROM ${table}`);
      db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.close();
    }
  }
  // The seeded file is closed and checkpointed, so a plain copy of it is consistent.
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${destination}${suffix}`, { force: true });
  fs.copyFileSync(seeded, destination);
  // Write the copy out before the server opens it. Otherwise its first WAL checkpoint (an fsync of
  // the database file) flushes the whole freshly copied file on the request path, stalling every
  // request for seconds: a deployed database is never 850 MB of unwritten pages.
  const handle = fs.openSync(destination, "r+");
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  return destination;
}

/** Session tokens of the seeded learners (first `count`), with one flashcard card each can grade. */
export function seededLearners(
  file: string,
  count: number,
): Array<{ userId: string; token: string; cards: string[] }> {
  const db = new Database(file, { readonly: true });
  try {
    const sessions = db
      .prepare(`SELECT userId, token FROM "Session" WHERE userAgent = 'seed-large' ORDER BY userId LIMIT ?`)
      .all(count) as Array<{ userId: string; token: string }>;
    const cards = db.prepare(
      `SELECT c.questionId FROM "StudyCard" c JOIN "Question" q ON q.id = c.questionId
       WHERE c.userId = ? AND q.kind = 'flashcard' AND c.side = ''`,
    );
    return sessions.map((s) => ({
      ...s,
      cards: (cards.all(s.userId) as Array<{ questionId: string }>).map((row) => row.questionId),
    }));
  } finally {
    db.close();
  }
}

/** A scratch folder removed by `cleanup`. */
export function scratchFolder(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
