// Backups of a PostgreSQL database with pg_dump's custom format, and restores with pg_restore.
// (SQLite keeps its online backup API: lib/server/db/sqlite/backup.ts.) A dump is a consistent snapshot
// taken while the app keeps serving; every dump is read back (`pg_restore --list`) before it is
// trusted, and a restore runs in one transaction, so a failed restore changes nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPostgresBin } from "./pg-cluster";

/** A file name like `taskdeck-2026-12-06T15-50-00Z.dump` for a backup taken at `now`. */
export function pgBackupFileName(now: Date): string {
  return `taskdeck-${now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-")}.dump`;
}

/**
 * pg_dump or pg_restore: from POSTGRES_BINDIR or the newest /usr/lib/postgresql/<major>/bin (a newer
 * pg_dump reads older servers, not the reverse), else whatever PATH has (Debian's wrapper picks a version).
 */
export function pgTool(tool: "pg_dump" | "pg_restore"): string {
  const dir = findPostgresBin();
  const candidate = dir ? path.join(dir, tool) : null;
  return candidate && fs.existsSync(candidate) ? candidate : tool;
}

/** The URL without its password, and the environment that carries the password instead (not on argv, where ps shows it). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return {
    dbname: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

function runTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) =>
      resolve({ code: 127, output: `could not run ${command}: ${error.message}` }),
    );
    child.on("close", (code) => resolve({ code: code ?? 1, output: output.trim() }));
  });
}

/** Reads a dump's table of contents; throws when it is not a readable pg_dump archive. */
export async function checkPgBackup(file: string): Promise<{ entries: number }> {
  const list = await runTool(pgTool("pg_restore"), ["--list", file], process.env);
  if (list.code !== 0) throw new Error(`${file} is not a readable pg_dump archive: ${list.output}`);
  return { entries: list.output.split("\n").filter((line) => line && !line.startsWith(";")).length };
}

/**
 * Dumps the database at `url` to `destination` (custom format, compressed), then reads it back.
 * @example await backupPostgres(process.env.DATABASE_URL, "data/backups/taskdeck.dump")
 */
export async function backupPostgres(
  url: string,
  destination: string,
): Promise<{ entries: number; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const { dbname, env } = connection(url);
  const partial = `${destination}.partial`;
  const dump = await runTool(
    pgTool("pg_dump"),
    ["--format=custom", `--file=${partial}`, `--dbname=${dbname}`],
    env,
  );
  if (dump.code !== 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`pg_dump failed: ${dump.output}`);
  }
  try {
    const { entries } = await checkPgBackup(partial);
    fs.renameSync(partial, destination);
    return { entries, bytes: fs.statSync(destination).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Replaces the contents of the database at `url` with the dump at `source`. Stop the app first.
 * The dump is checked, the current database is dumped to `safetyCopy`, then pg_restore runs with
 * --clean --if-exists in a single transaction: on any error the database is left as it was.
 * Objects the dump does not have (a newer migration's table) are left in place.
 */
export async function restorePostgres(url: string, source: string, safetyCopy: string): Promise<void> {
  await checkPgBackup(source);
  await backupPostgres(url, safetyCopy);
  const { dbname, env } = connection(url);
  const restore = await runTool(
    pgTool("pg_restore"),
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${dbname}`,
      source,
    ],
    env,
  );
  if (restore.code !== 0)
    throw new Error(`pg_restore failed, the database was left as it was: ${restore.output}`);
}
