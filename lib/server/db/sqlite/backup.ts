import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// Backups use SQLite's online backup API (never a file copy, which can tear a WAL database
// mid-write) and every copy is integrity-checked before it is trusted. Raw SQL stays here,
// beside the Prisma client, so the rest of Taskdeck stays portable.

/**
 * Pages copied per step (16 MiB at SQLite's default 4 KiB page): after each, what the step wrote
 * is flushed to the disk before the next, so the copy never leaves more than this much unwritten.
 */
const PAGES_PER_STEP = 4096;

/** The result of `PRAGMA integrity_check`: "ok", or the problems SQLite found. */
export function integrityCheck(file: string): { ok: boolean; messages: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("PRAGMA integrity_check").all() as Array<{ integrity_check: string }>;
    const messages = rows.map((row) => row.integrity_check);
    return { ok: messages.length === 1 && messages[0] === "ok", messages };
  } finally {
    db.close();
  }
}

/** A file name like `taskdeck-2026-11-27T15-50-00Z.db` for a backup taken at `now`. */
export function backupFileName(now: Date): string {
  return `taskdeck-${now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-")}.db`;
}

/**
 * Copies a live database (other connections may keep writing) to `destination` with the online
 * backup API, then checks the copy. Throws when the copy fails its integrity check.
 * @example await backupDatabase("data/taskdeck.db", "data/backups/x.db")
 */
export async function backupDatabase(
  source: string,
  destination: string,
  options: { pagesPerStep?: number; afterStep?: () => void } = {},
): Promise<{ pages: number }> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  let pages = 0;
  let written: number | null = null;
  try {
    db.pragma("busy_timeout = 5000");
    // One snapshot for the whole copy: a read transaction held on the source across the steps.
    // Without it SQLite starts a backup again from its first page whenever another connection
    // writes between two steps (816 MiB under a steady write load took ~35 s and could go on
    // restarting); inside it, writers keep writing (WAL) and the copy is the database as it was.
    db.exec("BEGIN");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    // In steps, each flushed: copied in one step, the whole database (900 MB in the load bench)
    // sat in the page cache until the copy's final sync, and writing it out then held the disk's
    // journal, and with it the serving app's next write to its log, for over a second.
    const progress = await db.backup(destination, {
      progress: () => {
        written ??= fs.openSync(destination, "r");
        fs.fdatasyncSync(written);
        options.afterStep?.();
        return options.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
    pages = progress.totalPages;
  } finally {
    if (written !== null) fs.closeSync(written);
    if (db.inTransaction) db.exec("COMMIT");
    db.close();
  }
  const check = integrityCheck(destination);
  if (!check.ok) {
    fs.rmSync(destination, { force: true });
    throw new Error(`The backup failed its integrity check: ${check.messages.join("; ")}`);
  }
  return { pages };
}

/**
 * Replaces the database at `target` with the backup at `source`. The server must be stopped.
 * The backup is checked first; the current database is itself backed up to `safetyCopy`; the
 * replacement is written beside the target and renamed over it, so a crash leaves either the old
 * or the new database, never half of one.
 */
export async function restoreDatabase(source: string, target: string, safetyCopy: string): Promise<void> {
  const check = integrityCheck(source);
  if (!check.ok) throw new Error(`${source} is damaged and was not restored: ${check.messages.join("; ")}`);
  if (fs.existsSync(target)) {
    await backupDatabase(target, safetyCopy);
    const live = new Database(target);
    try {
      // Fold the write-ahead log into the main file so no stale -wal is replayed over the restore.
      live.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      live.close();
    }
  }
  const staging = `${target}.restoring`;
  fs.rmSync(staging, { force: true });
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(staging);
  } finally {
    from.close();
  }
  const staged = integrityCheck(staging);
  if (!staged.ok) {
    fs.rmSync(staging, { force: true });
    throw new Error(`The restored copy failed its integrity check: ${staged.messages.join("; ")}`);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(staging, target);
}
