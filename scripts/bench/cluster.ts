// A PostgreSQL deployment on loopback for the load and capacity benchmarks: a throwaway cluster
// (Debian's PostgreSQL, scripts/lib/pg-cluster.ts), the release step, learners seeded straight into
// the database, N `serve.mjs` processes of one build sharing BETTER_AUTH_SECRET and
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and HAProxy in front of them (health checks on /api/health,
// idempotent writes retried and redispatched). Every piece listens on 127.0.0.1 only and is
// stopped by `stop()`; the cluster also on process exit (pg-cluster's handlers).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type PgCluster, startPostgres } from "../lib/pg-cluster";
import { release } from "../lib/release";
import { freePort } from "../lib/run";
import { BENCH_SECRET, type Server, startServer } from "./harness";
import { type AckedSave, LOAD_OPTION_KEYS, type QuizLearner } from "./load";

/** A learner the load drives: its session token and the flashcards it grades. */
export type Learner = { userId: string; token: string; cards: string[] };

/** One key for every process of a deployment (Next.js encrypts server-action data with it). */
export const BENCH_ACTIONS_KEY = randomBytes(32).toString("base64");

const HAPROXY = process.env.HAPROXY_BIN ?? "/usr/sbin/haproxy";

export type Balancer = {
  url: string;
  port: number;
  child: ChildProcess;
  /** HAProxy's own log (only abnormal requests: retried, redispatched, failed). */
  log: () => string;
  /** `show stat` from the stats socket, one object per proxy/server line. */
  stats: () => Promise<Array<Record<string, string>>>;
  stop: () => Promise<void>;
};

/**
 * HAProxy on 127.0.0.1 in front of `servers`: round robin, health checks GET /api/health every
 * second (down after 2 failures; a check may take 5 s), and a failed request (connection refused, connection closed
 * without an answer, no answer in 15 s) retried up to 3 times, each retry on another server.
 * Safe here because both writes are idempotent (grading ids, autosave seqs).
 */
export async function startHaproxy(servers: Array<{ port: number }>, dir: string): Promise<Balancer> {
  const port = await freePort();
  const socket = path.join(dir, "haproxy.sock");
  const config = haproxyConfig(port, socket, servers);
  const file = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(file, config);
  const child = spawn(HAPROXY, ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] });
  return watchHaproxy(child, port, socket, servers.length);
}

/** The configuration startHaproxy runs: loopback only, the stats socket at `socket`. */
export function haproxyConfig(port: number, socket: string, servers: Array<{ port: number }>): string {
  return [
    "global",
    "    maxconn 8000",
    `    stats socket ${socket} mode 600 level admin`,
    "    log stdout format raw local0",
    "",
    "defaults",
    "    mode http",
    "    log global",
    "    option httplog",
    "    option dontlog-normal",
    "    timeout connect 2s",
    "    timeout client 60s",
    "    timeout server 15s",
    "    timeout http-keep-alive 60s",
    // A health check waits for its answer up to 5 s (HAPROXY_CHECK_TIMEOUT): a process slowed by
    // the load is not taken out (that piles its load on the others, and with the default, inter,
    // 1 s, both were taken out at once under load), a dead one refuses the connection at once.
    `    timeout check ${process.env.HAPROXY_CHECK_TIMEOUT ?? "5s"}`,
    "    timeout queue 30s",
    "    maxconn 8000",
    "",
    "frontend taskdeck",
    `    bind 127.0.0.1:${port}`,
    "    default_backend taskdeck_app",
    "",
    "backend taskdeck_app",
    "    balance roundrobin",
    "    option httpchk",
    "    http-check send meth GET uri /api/health",
    "    http-check expect status 200",
    "    option redispatch 1",
    "    retries 3",
    "    retry-on conn-failure empty-response response-timeout",
    "    http-reuse safe",
    "    default-server inter 1s fall 2 rise 2",
    ...servers.map((server, i) => `    server app${i + 1} 127.0.0.1:${server.port} check`),
    "",
  ].join("\n");
}

async function watchHaproxy(
  child: ChildProcess,
  port: number,
  socket: string,
  count: number,
): Promise<Balancer> {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
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
  const command = (line: string) =>
    new Promise<string>((resolve, reject) => {
      const connection = net.createConnection(socket);
      let text = "";
      connection.on("data", (chunk) => {
        text += chunk.toString();
      });
      connection.on("end", () => resolve(text));
      connection.on("error", reject);
      connection.write(`${line}\n`);
    });
  const stats = async () => {
    const text = await command("show stat");
    const [header, ...lines] = text.trim().split("\n");
    const names = (header ?? "").replace(/^# /, "").split(",");
    return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i] ?? i, value])));
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`haproxy exited early:\n${output}`);
    try {
      // Up when every server passed its health check.
      const rows = await stats();
      const up = rows.filter((row) => row.svname?.startsWith("app") && row.status === "UP").length;
      if (up === count) return { url, port, child, log: () => output, stats, stop };
    } catch {
      // The socket is not there yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`haproxy did not mark every server up within 30 s:\n${output}`);
}

/** Retries and redispatches HAProxy counted on the backend, and each server's status. */
export async function balancerCounters(balancer: Balancer) {
  const rows = await balancer.stats();
  const backend = rows.find((row) => row.pxname === "taskdeck_app" && row.svname === "BACKEND");
  const servers = rows
    .filter((row) => row.pxname === "taskdeck_app" && row.svname?.startsWith("app"))
    .map((row) => ({
      name: row.svname ?? "",
      status: row.status ?? "",
      requests: Number(row.stot ?? 0),
      retries: Number(row.wretr ?? 0),
      redispatches: Number(row.wredis ?? 0),
      connectionErrors: Number(row.econ ?? 0),
      responseErrors: Number(row.eresp ?? 0),
    }));
  return {
    retries: Number(backend?.wretr ?? 0),
    redispatches: Number(backend?.wredis ?? 0),
    connectionErrors: Number(backend?.econ ?? 0),
    responseErrors: Number(backend?.eresp ?? 0),
    http5xx: Number(backend?.hrsp_5xx ?? 0),
    servers,
  };
}

/** Whether learner number `n` autosaves a quiz: `share` of any first N learners, spread evenly. */
export const isQuizLearner = (n: number, share: number) =>
  Math.floor((n + 1) * share) > Math.floor(n * share);

/** Flashcard questions (graded on side "") and ten questions for a quiz, from the loaded banks. */
export type BankPick = { flashcards: string[]; quiz: Array<{ id: string; revision: number }> };

/**
 * Seeds `count` learners with a live session each, and an open attempt at an exam of their own
 * (10 questions) for a `quizShare` of them (spread evenly, `isQuizLearner`), into PostgreSQL after
 * the release step.
 * Grading creates each learner's cards as it goes.
 */
export async function seedPostgresLearners(
  url: string,
  count: number,
  quizShare: number,
): Promise<{ learners: Learner[]; quizLearners: Map<string, QuizLearner> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const flashcards = (
      await client.query<{ id: string }>(
        `SELECT "id" FROM "Question" WHERE "kind" = 'flashcard' AND "retiredAt" IS NULL ORDER BY "id"`,
      )
    ).rows.map((row) => row.id);
    const quiz = (
      await client.query<{ id: string; revision: number }>(
        `SELECT "id", "revision" FROM "Question" WHERE "retiredAt" IS NULL ORDER BY "id" LIMIT 10`,
      )
    ).rows;
    if (flashcards.length === 0) throw new Error("no flashcard in the banks the release step loaded");
    const now = new Date();
    const expires = new Date(now.getTime() + 30 * 86_400_000);
    const learners: Learner[] = [];
    const quizLearners = new Map<string, QuizLearner>();
    const items = JSON.stringify(
      quiz.map((q) => ({ questionId: q.id, revision: q.revision, optionOrder: LOAD_OPTION_KEYS })),
    );
    await client.query("BEGIN");
    for (let from = 0; from < count; from += 500) {
      const batch = Array.from({ length: Math.min(500, count - from) }, (_, i) => {
        const n = from + i;
        return {
          userId: `bench-user-${String(n).padStart(5, "0")}`,
          token: randomBytes(24).toString("base64url"),
          quiz: isQuizLearner(n, quizShare),
        };
      });
      await client.query(
        `INSERT INTO "User" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
         SELECT id, 'Bench learner ' || id, id || '@bench.invalid', false, $2, $2 FROM unnest($1::text[]) AS id`,
        [batch.map((b) => b.userId), now],
      );
      await client.query(
        `INSERT INTO "Session" ("id", "expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId")
         SELECT 'bench-session-' || u, $3, t, $4, $4, '127.0.0.1', 'bench', u
         FROM unnest($1::text[], $2::text[]) AS s(u, t)`,
        [batch.map((b) => b.userId), batch.map((b) => b.token), expires, now],
      );
      const quizUsers = batch.filter((b) => b.quiz).map((b) => b.userId);
      if (quizUsers.length > 0) {
        await client.query(
          `INSERT INTO "Quiz" ("id", "ownerId", "mode", "title", "selection", "questionIds", "createdAt", "updatedAt")
           SELECT 'load-quiz-' || u, u, 'exam', 'Load exam', 'fixed', $2, $3, $3 FROM unnest($1::text[]) AS u`,
          [quizUsers, JSON.stringify(quiz.map((q) => q.id)), now],
        );
        await client.query(
          `INSERT INTO "QuizAttempt" ("id", "quizId", "userId", "number", "openKey", "items", "startedAt", "status", "total")
           SELECT 'load-attempt-' || u, 'load-quiz-' || u, u, 1, 'load-quiz-' || u || ':' || u, $2, $3, 'open', $4
           FROM unnest($1::text[]) AS u`,
          [quizUsers, items, now, quiz.length],
        );
      }
      for (const b of batch) {
        learners.push({ userId: b.userId, token: b.token, cards: flashcards });
        if (b.quiz)
          quizLearners.set(b.userId, {
            attemptId: `load-attempt-${b.userId}`,
            questionIds: quiz.map((q) => q.id),
          });
      }
    }
    await client.query("COMMIT");
    return { learners, quizLearners };
  } finally {
    await client.end();
  }
}

/**
 * The same for a SQLite file (the large database copy): learners beyond its seeded ones are added
 * with a session each and grade the banks' flashcards (their cards are created as they go).
 */
export function seedSqliteLearners(file: string, existing: Learner[], count: number): Learner[] {
  if (count <= existing.length) return existing.slice(0, count);
  const db = new Database(file);
  try {
    const flashcards = (
      db
        .prepare(
          `SELECT id FROM "Question" WHERE kind = 'flashcard' AND retiredAt IS NULL ORDER BY id LIMIT 40`,
        )
        .all() as Array<{ id: string }>
    ).map((row) => row.id);
    const now = new Date().toISOString().replace("Z", "+00:00");
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().replace("Z", "+00:00");
    const insertUser = db.prepare(
      `INSERT INTO "User" (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 0, ?, ?)`,
    );
    const insertSession = db.prepare(
      `INSERT INTO "Session" (id, expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId)
       VALUES (?, ?, ?, ?, ?, '127.0.0.1', 'bench', ?)`,
    );
    const added: Learner[] = [];
    db.transaction(() => {
      for (let n = existing.length; n < count; n++) {
        const userId = `bench-user-${String(n).padStart(5, "0")}`;
        const token = randomBytes(24).toString("base64url");
        insertUser.run(userId, `Bench learner ${n}`, `${userId}@bench.invalid`, now, now);
        insertSession.run(`bench-session-${userId}`, expires, token, now, now, userId);
        added.push({ userId, token, cards: flashcards });
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
    return [...existing, ...added];
  } finally {
    db.close();
  }
}

/** What the database holds for the writes the load was told were saved. */
export type Verified = {
  gradingsChecked: number;
  missing: number;
  duplicateRows: number;
  autosavesChecked: number;
  autosavesMissing: number;
};

/** The latest acknowledged seq per attempt and question (an older one may be overwritten). */
function latestSaves(acknowledged: AckedSave[]): AckedSave[] {
  const latest = new Map<string, AckedSave>();
  for (const save of acknowledged) {
    const key = `${save.attemptId}\u0000${save.questionId}`;
    const known = latest.get(key);
    if (!known || save.seq > known.seq) latest.set(key, save);
  }
  return [...latest.values()];
}

const savedOk = (save: AckedSave, stored: { seq: number; answer: string | null } | undefined) =>
  !!stored && (stored.seq > save.seq || (stored.seq === save.seq && stored.answer === save.answer));

/**
 * Reads PostgreSQL with `pg` after a load: every acknowledged grading must have exactly one review
 * row, a grading id sent twice must leave one row, no card may carry two grade rows moving it from
 * the same state (rows of these gradings), and every acknowledged autosave must find its seq (or a
 * later one) in AttemptAnswer.
 */
export async function verifyPostgres(
  url: string,
  acknowledged: string[],
  duplicatesSent: string[],
  saves: AckedSave[],
): Promise<Verified> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = [...new Set([...acknowledged, ...duplicatesSent])];
    const counts = new Map<string, number>();
    const transitions = new Map<string, number>();
    for (let from = 0; from < ids.length; from += 5000) {
      const rows = await client.query<{ id: string; cardId: string; stateBefore: string }>(
        `SELECT "id", "cardId", "stateBefore" FROM "Review" WHERE "id" = ANY($1::text[])`,
        [ids.slice(from, from + 5000)],
      );
      for (const row of rows.rows) {
        counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
        const key = `${row.cardId}\u0000${row.stateBefore}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
      }
    }
    const unique = [...new Set(acknowledged)];
    const missing = unique.filter((id) => counts.get(id) !== 1).length;
    let duplicateRows = 0;
    for (const id of new Set(duplicatesSent)) duplicateRows += Math.max(0, (counts.get(id) ?? 0) - 1);
    for (const n of transitions.values()) duplicateRows += Math.max(0, n - 1);
    const latest = latestSaves(saves);
    const stored = new Map<string, { seq: number; answer: string | null }>();
    const attempts = [...new Set(latest.map((save) => save.attemptId))];
    if (attempts.length > 0) {
      const rows = await client.query<{
        attemptId: string;
        questionId: string;
        seq: number;
        answer: string | null;
      }>(
        `SELECT "attemptId", "questionId", "seq", "answer" FROM "AttemptAnswer" WHERE "attemptId" = ANY($1::text[])`,
        [attempts],
      );
      for (const row of rows.rows)
        stored.set(`${row.attemptId}\u0000${row.questionId}`, { seq: Number(row.seq), answer: row.answer });
    }
    const autosavesMissing = latest.filter(
      (save) => !savedOk(save, stored.get(`${save.attemptId}\u0000${save.questionId}`)),
    ).length;
    return {
      gradingsChecked: unique.length,
      missing,
      duplicateRows,
      autosavesChecked: latest.length,
      autosavesMissing,
    };
  } finally {
    await client.end();
  }
}

/** The same check on a SQLite file, limited to the rows of these gradings (fast on the large database). */
export function verifySqlite(
  file: string,
  acknowledged: string[],
  duplicatesSent: string[],
  saves: AckedSave[],
): Verified {
  const db = new Database(file, { readonly: true });
  try {
    const rowsOf = db.prepare(`SELECT id, cardId, stateBefore FROM "Review" WHERE id = ?`);
    const counts = new Map<string, number>();
    const transitions = new Map<string, number>();
    for (const id of new Set([...acknowledged, ...duplicatesSent])) {
      const rows = rowsOf.all(id) as Array<{ id: string; cardId: string; stateBefore: string }>;
      counts.set(id, rows.length);
      for (const row of rows) {
        const key = `${row.cardId}\u0000${row.stateBefore}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
      }
    }
    const unique = [...new Set(acknowledged)];
    const missing = unique.filter((id) => counts.get(id) !== 1).length;
    let duplicateRows = 0;
    for (const id of new Set(duplicatesSent)) duplicateRows += Math.max(0, (counts.get(id) ?? 0) - 1);
    for (const n of transitions.values()) duplicateRows += Math.max(0, n - 1);
    const answer = db.prepare(
      `SELECT seq, answer FROM "AttemptAnswer" WHERE attemptId = ? AND questionId = ?`,
    );
    const latest = latestSaves(saves);
    const autosavesMissing = latest.filter(
      (save) =>
        !savedOk(save, answer.get(save.attemptId, save.questionId) as { seq: number; answer: string | null }),
    ).length;
    return {
      gradingsChecked: unique.length,
      missing,
      duplicateRows,
      autosavesChecked: latest.length,
      autosavesMissing,
    };
  } finally {
    db.close();
  }
}

export type PostgresDeployment = {
  /** Where the learners send their requests: HAProxy, or the one process when there is no balancer. */
  url: string;
  databaseUrl: string;
  cluster: PgCluster;
  servers: Server[];
  balancer: Balancer | null;
  learners: Learner[];
  quizLearners: Map<string, QuizLearner>;
  stop: () => Promise<void>;
};

/**
 * A throwaway PostgreSQL, the release step, `learners` seeded (a `quizShare` of them with an open
 * attempt), `processes` app processes of the current build and, with more than one (or
 * `balancer: true`), HAProxy in front. Stops everything it started when a step fails.
 */
export async function startPostgresDeployment(options: {
  processes: number;
  learners: number;
  quizShare: number;
  dir: string;
  balancer?: boolean;
}): Promise<PostgresDeployment> {
  const cluster = await startPostgres({ database: `taskdeck_bench_${randomUUID().slice(0, 8)}` });
  const servers: Server[] = [];
  let balancer: Balancer | null = null;
  const stop = async () => {
    await balancer?.stop();
    await Promise.all(servers.map((server) => server.stop()));
    await cluster.stop();
  };
  try {
    console.log(`▸ PostgreSQL on 127.0.0.1:${cluster.port}: release step, then ${options.learners} learners`);
    if (!(await release(cluster.url))) throw new Error("the release step failed on the throwaway cluster");
    const seeded = await seedPostgresLearners(cluster.url, options.learners, options.quizShare);
    // One build, N processes, the same secrets on each (BETTER_AUTH_SECRET is BENCH_SECRET).
    const env = {
      DATABASE_URL: cluster.url,
      BETTER_AUTH_SECRET: BENCH_SECRET,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: BENCH_ACTIONS_KEY,
    };
    for (let i = 0; i < options.processes; i++) servers.push(await startServer("unused", env));
    if (options.processes > 1 || options.balancer) balancer = await startHaproxy(servers, options.dir);
    const first = servers[0];
    if (!first) throw new Error("no app process");
    return {
      url: balancer?.url ?? first.url,
      databaseUrl: cluster.url,
      cluster,
      servers,
      balancer,
      learners: seeded.learners,
      quizLearners: seeded.quizLearners,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** An open attempt at an exam of their own (10 questions) for each of `userIds`, in a SQLite file. */
export function openSqliteAttempts(file: string, userIds: string[]): Map<string, QuizLearner> {
  const result = new Map<string, QuizLearner>();
  const db = new Database(file);
  try {
    const questions = db
      .prepare(`SELECT id, revision FROM "Question" WHERE retiredAt IS NULL ORDER BY id LIMIT 10`)
      .all() as Array<{ id: string; revision: number }>;
    const now = new Date().toISOString().replace("Z", "+00:00");
    const insertQuiz = db.prepare(
      `INSERT INTO "Quiz" (id, ownerId, mode, title, selection, questionIds, createdAt, updatedAt)
       VALUES (?, ?, 'exam', 'Load exam', 'fixed', ?, ?, ?)`,
    );
    const insertAttempt = db.prepare(
      `INSERT INTO "QuizAttempt" (id, quizId, userId, number, openKey, items, startedAt, status, total)
       VALUES (?, ?, ?, 1, ?, ?, ?, 'open', ?)`,
    );
    const items = JSON.stringify(
      questions.map((q) => ({ questionId: q.id, revision: q.revision, optionOrder: LOAD_OPTION_KEYS })),
    );
    db.transaction(() => {
      for (const userId of userIds) {
        const quizId = `load-quiz-${userId}`;
        const attemptId = `load-attempt-${userId}`;
        insertQuiz.run(quizId, userId, JSON.stringify(questions.map((q) => q.id)), now, now);
        insertAttempt.run(attemptId, quizId, userId, `${quizId}:${userId}`, items, now, questions.length);
        result.set(userId, { attemptId, questionIds: questions.map((q) => q.id) });
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return result;
}
