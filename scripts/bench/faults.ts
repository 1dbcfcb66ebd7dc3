/**
 * Faults (issue 9 item 4). Figures, not timed assertions:
 * 1. SIGKILL mid-load: learners grade against `serve.mjs` on a copy of the large database; the
 *    server is killed with SIGKILL half-way, restarted on the same file; then `integrity_check`
 *    and every grading acknowledged before the kill is looked up.
 * 2. Read-only database: the server runs in a mount namespace where the database's folder is
 *    bind-mounted read-only (`unshare -m`, Linux, root); /api/health must answer 503, and a grading
 *    (POST /api/study/grade) and a quiz autosave (POST /api/quiz/autosave) must each answer 503
 *    with the message that storage is unavailable and the answer was NOT saved; afterwards the
 *    file passes `integrity_check` with no review or answer row changed.
 * 3. Full disk: the same on a tmpfs with almost no space left.
 * 4. A malformed bank in content/: sync (as `npm start` runs it) skips it and exits 0, the server
 *    starts, /api/health says "degraded" with the bank counted as skipped, and / answers 200.
 * `npm run bench -- faults`; FAULT_SECONDS (20) sets the killed load's length; FAULTS=kill,
 * read-only,full,bank picks some.
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase } from "../lib/prepare-database";
import { baseEnv, bin, capture } from "../lib/run";
import { ensureBuild, largeDatabaseCopy, scratchFolder, sessionCookie, startServer } from "./harness";
import { gradeLoad, LOAD_OPTION_KEYS, openQuizAttempts, verifyAutosaves, verifyWrites } from "./load";
import type { BenchResult } from "./types";

type Rows = BenchResult["rows"];

/** A fault must be answered, not hung on: requests give up after this long. */
const ANSWER_WITHIN_MS = 15_000;

async function integrity(file: string): Promise<boolean> {
  const { integrityCheck } = await import("../../lib/server/db/sqlite/backup");
  return integrityCheck(file).ok;
}

async function sigkillMidLoad(rows: Rows): Promise<void> {
  const seconds = Number(process.env.FAULT_SECONDS ?? 20);
  const scratch = scratchFolder("taskdeck-fault-kill-");
  try {
    const file = await largeDatabaseCopy(path.join(scratch.dir, "large.db"));
    // A fifth of them autosave quiz answers instead of grading.
    const quizLearners = openQuizAttempts(file, 50, 10);
    const server = await startServer(file);
    let killedAt = 0;
    const outcome = await gradeLoad(server, file, {
      quizLearners,
      learners: 50,
      seconds,
      maxRequests: 100_000,
      midway: async () => {
        killedAt = performance.now();
        server.child.kill("SIGKILL");
      },
    });
    await server.stop();
    // Restart on the same file: SQLite replays the write-ahead log on open.
    const again = await startServer(file);
    const health = await fetch(`${again.url}/api/health`);
    const healthy = health.status === 200;
    await again.stop();
    const ok = await integrity(file);
    const verified = verifyWrites(file, outcome.acknowledged, outcome.duplicatesSent);
    const saves = verifyAutosaves(file, outcome.savesAcknowledged);
    rows.push(
      {
        metric: "SIGKILL: gradings acknowledged before the kill",
        value: outcome.acknowledged.length,
        unit: "",
      },
      { metric: "SIGKILL: kill after", value: Math.round((killedAt ? seconds / 2 : 0) * 10) / 10, unit: "s" },
      {
        metric: "SIGKILL: restarted, /api/health 200",
        value: healthy ? 1 : 0,
        unit: "",
        target: "1",
        ok: healthy,
      },
      { metric: "SIGKILL: integrity_check ok", value: ok ? 1 : 0, unit: "", target: "1", ok },
      {
        metric: "SIGKILL: acknowledged writes lost",
        value: verified.missing,
        unit: "",
        target: "0",
        ok: verified.missing === 0,
      },
      {
        metric: "SIGKILL: quiz autosaves acknowledged before the kill",
        value: outcome.savesAcknowledged.length,
        unit: "",
      },
      {
        metric: "SIGKILL: acknowledged autosaves lost (older seq stored)",
        value: saves.missing,
        unit: "",
        target: "0",
        ok: saves.missing === 0,
      },
    );
  } finally {
    scratch.cleanup();
  }
}

/**
 * A learner with a session in `file`, a flashcard to grade, and an open quiz attempt on another
 * question (a single-choice one, with option keys the autosave can name). A flashcard that is in
 * the open attempt is held back from Study, and a choice on a flashcard names no option: both are
 * refused (422) before anything is written, and the disk-full check measured that refusal.
 */
function addLearner(file: string): {
  token: string;
  questionId: string;
  attemptId: string;
  quizQuestionId: string;
} {
  const db = new Database(file);
  try {
    const now = new Date().toISOString().replace("Z", "+00:00");
    const expires = new Date(Date.now() + 86_400_000).toISOString().replace("Z", "+00:00");
    const userId = `fault-${randomUUID()}`;
    const token = randomBytes(24).toString("base64url");
    db.prepare(
      `INSERT INTO "User" (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, 'Fault', ?, 0, ?, ?)`,
    ).run(userId, `${userId}@example.test`, now, now);
    db.prepare(
      `INSERT INTO "Session" (id, expiresAt, token, createdAt, updatedAt, userId) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(`s-${userId}`, expires, token, now, now, userId);
    const question = db.prepare(`SELECT id FROM "Question" WHERE kind = 'flashcard' LIMIT 1`).get() as {
      id: string;
    };
    const quizQuestion = db
      .prepare(`SELECT id, revision FROM "Question" WHERE kind = 'single' AND retiredAt IS NULL LIMIT 1`)
      .get() as { id: string; revision: number };
    const attemptId = `fault-attempt-${userId}`;
    db.prepare(
      `INSERT INTO "Quiz" (id, ownerId, mode, title, selection, questionIds, createdAt, updatedAt)
       VALUES (?, ?, 'exam', 'Fault exam', 'fixed', ?, ?, ?)`,
    ).run(`fault-quiz-${userId}`, userId, JSON.stringify([quizQuestion.id]), now, now);
    db.prepare(
      `INSERT INTO "QuizAttempt" (id, quizId, userId, number, openKey, items, startedAt, status, total)
       VALUES (?, ?, ?, 1, ?, ?, ?, 'open', 1)`,
    ).run(
      attemptId,
      `fault-quiz-${userId}`,
      userId,
      `fault-quiz-${userId}:${userId}`,
      JSON.stringify([
        { questionId: quizQuestion.id, revision: quizQuestion.revision, optionOrder: LOAD_OPTION_KEYS },
      ]),
      now,
    );
    db.pragma("wal_checkpoint(TRUNCATE)");
    return { token, questionId: question.id, attemptId, quizQuestionId: quizQuestion.id };
  } finally {
    db.close();
  }
}

/** Review and AttemptAnswer rows: a refused write must change neither. */
const reviewCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return count("Review") * 1_000_000 + count("AttemptAnswer");
  } finally {
    db.close();
  }
};

/** The learner is told storage is unavailable and that nothing was saved. */
const saysNotSaved = (status: number, body: string) =>
  status === 503 && /storage/i.test(body) && /NOT saved/.test(body) && /"ok":false/.test(body);

/** Serves `file` from a folder that is read-only (or full) for the server, then checks the file. */
async function unwritable(rows: Rows, kind: "read-only" | "full"): Promise<void> {
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    rows.push({ metric: `${kind}: skipped (needs Linux and root for unshare -m)`, value: 0, unit: "" });
    return;
  }
  const scratch = scratchFolder(`taskdeck-fault-${kind}-`);
  try {
    const staging = path.join(scratch.dir, "staging");
    const served = path.join(scratch.dir, "served");
    fs.mkdirSync(staging);
    fs.mkdirSync(served);
    const source = path.join(staging, "app.db");
    if (!(await prepareDatabase(`file:${source}`))) throw new Error("prepareDatabase failed");
    const learner = addLearner(source);
    const before = reviewCount(source);
    const file = path.join(served, "app.db");
    // read-only: the staged file bind-mounted read-only. full: a tmpfs just big enough for the
    // database, then filled to leave 40 KB (room for SQLite's shared-memory file, not for a
    // transaction). In both the server sees `file`; the checks read `source` (or its copy) after.
    const mountScript =
      kind === "read-only"
        ? `cp "${source}" "${file}" && mount --bind "${served}" "${served}" && mount -o remount,ro,bind "${served}"`
        : `mount -t tmpfs -o size=$(( $(stat -c %s "${source}") / 1024 + 2048 ))k tmpfs "${served}" && cp "${source}" "${file}" && ` +
          `avail=$(df --output=avail -B1 "${served}" | tail -1) && head -c $(( avail - 40960 )) /dev/zero > "${served}/filler"`;
    const server = await startServer(file, {}, (command, args) => {
      const start = `"${command}" ${args.map((a) => `"${a}"`).join(" ")}`;
      const script =
        kind === "read-only"
          ? `${mountScript} && exec ${start}`
          : // The tmpfs vanishes with the namespace: copy the file out once the server has stopped.
            `${mountScript} || exit 1; ${start} & pid=$!; ` +
            `trap 'kill -KILL $pid; wait $pid; cp "${file}" "${source}.after"; [ -f "${file}-wal" ] && cp "${file}-wal" "${source}.after-wal"; exit 0' TERM; wait $pid`;
      return ["unshare", ["-m", "sh", "-c", script]];
    });
    let healthStatus = 0;
    let healthBody = "";
    let gradeStatus = 0;
    let gradeBody = "";
    let saveStatus = 0;
    let saveBody = "";
    try {
      const health = await fetch(`${server.url}/api/health`, {
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
      healthStatus = health.status;
      healthBody = await health.text();
      // What the study page and the quiz runner send.
      const headers = {
        Origin: server.url,
        "Content-Type": "application/json",
        "Sec-Fetch-Site": "same-origin",
        Cookie: sessionCookie(learner.token),
      };
      const grade = await fetch(`${server.url}/api/study/grade`, {
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        method: "POST",
        headers,
        body: JSON.stringify({
          reviewId: randomUUID(),
          ref: { questionId: learner.questionId, side: "" },
          grade: "good",
          durationMs: 1000,
          clientTime: new Date().toISOString(),
        }),
      });
      gradeStatus = grade.status;
      gradeBody = await grade.text();
      const save = await fetch(`${server.url}/api/quiz/autosave`, {
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        method: "POST",
        headers,
        body: JSON.stringify({
          attemptId: learner.attemptId,
          questionId: learner.quizQuestionId,
          answer: { kind: "choice", keys: ["A"] },
          flagged: false,
          seq: 1,
        }),
      });
      saveStatus = save.status;
      saveBody = await save.text();
    } catch (error) {
      // No answer at all: recorded as status 0 (a hang is a failure, not a refusal).
      if (!(error instanceof Error && /abort|timeout/i.test(`${error.name} ${error.message}`))) throw error;
      console.log(
        `  ${kind}: no answer within ${ANSWER_WITHIN_MS / 1000} s; server log:\n${server.log().slice(-1500)}`,
      );
    } finally {
      await server.stop();
    }
    const checked = kind === "full" ? `${source}.after` : source;
    const ok = fs.existsSync(checked) && (await integrity(checked));
    const after = fs.existsSync(checked) ? reviewCount(checked) : -1;
    console.log(`  ${kind}: /api/health ${healthStatus} ${healthBody.slice(0, 200)}`);
    console.log(`  ${kind}: grading → ${gradeStatus} ${gradeBody.replace(/\s+/g, " ").slice(0, 240)}`);
    console.log(`  ${kind}: autosave → ${saveStatus} ${saveBody.replace(/\s+/g, " ").slice(0, 240)}`);
    rows.push(
      {
        metric: `${kind}: /api/health status`,
        value: healthStatus,
        unit: "",
        target: "503",
        ok: healthStatus === 503,
      },
      {
        metric: `${kind}: grading answered 503 "storage unavailable, NOT saved" (status; 0 = no answer)`,
        value: gradeStatus,
        unit: "",
        target: "503 + message",
        ok: saysNotSaved(gradeStatus, gradeBody),
      },
      {
        metric: `${kind}: quiz autosave answered 503 "storage unavailable, NOT saved"`,
        value: saveStatus,
        unit: "",
        target: "503 + message",
        ok: saysNotSaved(saveStatus, saveBody),
      },
      { metric: `${kind}: integrity_check ok afterwards`, value: ok ? 1 : 0, unit: "", target: "1", ok },
      {
        metric: `${kind}: review and answer rows changed`,
        value: after - before,
        unit: "",
        target: "0",
        ok: after === before,
      },
    );
  } finally {
    scratch.cleanup();
  }
}

async function malformedBank(rows: Rows): Promise<void> {
  const root = process.cwd();
  const scratch = scratchFolder("taskdeck-fault-bank-");
  try {
    // A working copy whose content/ holds the real banks plus a broken one; code is linked.
    for (const entry of [
      "app",
      "components",
      "lib",
      "scripts",
      "prisma",
      "node_modules",
      "package.json",
      "tsconfig.json",
    ])
      fs.symlinkSync(path.join(root, entry), path.join(scratch.dir, entry));
    fs.cpSync(path.join(root, "content"), path.join(scratch.dir, "content"), { recursive: true });
    fs.writeFileSync(
      path.join(scratch.dir, "content", "broken-bank.md"),
      "---\ntitle: [unclosed\n---\n\n## Q1 {#q1\n\n- [x] one\n- [x] two\n\u0000\u0001 binary junk\n",
    );
    const file = path.join(scratch.dir, "app.db");
    const env = baseEnv({ DATABASE_URL: `file:${file}` });
    const migrate = capture(bin("prisma"), ["migrate", "deploy"], env);
    const sync = spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/sync-banks.ts"], {
      cwd: scratch.dir,
      env,
      encoding: "utf8",
    });
    const output = `${sync.stdout}${sync.stderr}`;
    const reported = /Skipped content\/broken-bank\.md/.test(output);
    const server = await startServer(file);
    let health: { status?: string; banks?: { skipped?: number; synced?: number } } = {};
    let home = 0;
    try {
      const signal = () => AbortSignal.timeout(ANSWER_WITHIN_MS);
      health = (await (
        await fetch(`${server.url}/api/health`, { signal: signal() })
      ).json()) as typeof health;
      home = (await fetch(`${server.url}/`, { signal: signal() })).status;
    } finally {
      await server.stop();
    }
    const synced = migrate.code === 0 && sync.status === 0;
    rows.push(
      {
        metric: "malformed bank: sync exit code",
        value: sync.status ?? -1,
        unit: "",
        target: "0",
        ok: synced,
      },
      {
        metric: "malformed bank: reported with file:line",
        value: reported ? 1 : 0,
        unit: "",
        target: "1",
        ok: reported,
      },
      {
        metric: "malformed bank: other banks loaded",
        value: health.banks?.synced ?? 0,
        unit: "",
        target: "> 0",
        ok: (health.banks?.synced ?? 0) > 0,
      },
      {
        metric: "malformed bank: /api/health banks.skipped",
        value: health.banks?.skipped ?? 0,
        unit: "",
        target: "1",
        ok: health.banks?.skipped === 1,
      },
      { metric: "malformed bank: home page status", value: home, unit: "", target: "200", ok: home === 200 },
    );
  } finally {
    scratch.cleanup();
  }
}

export async function benchFaults(): Promise<BenchResult> {
  await ensureBuild();
  const rows: Rows = [];
  const only = process.env.FAULTS?.split(",") ?? ["kill", "read-only", "full", "bank"];
  if (only.includes("kill")) await sigkillMidLoad(rows);
  if (only.includes("read-only")) await unwritable(rows, "read-only");
  if (only.includes("full")) await unwritable(rows, "full");
  if (only.includes("bank")) await malformedBank(rows);
  return { name: "faults: kill, read-only and full disk, malformed bank", rows };
}
