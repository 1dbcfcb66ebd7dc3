import "server-only";
import fs from "node:fs";
import path from "node:path";
import { databasePath, databaseUrl } from "./database-url";
import { databaseStatus, prisma } from "./db";

export type Health = {
  status: "ok" | "degraded" | "unavailable";
  database: "ok" | "unreachable";
  /** Whether writes can land: a read-only file or folder, or a full disk, makes the app unavailable. */
  storage: "ok" | "read-only" | "full";
  migrations: { applied: number; expected: number; pending: boolean };
  banks: { synced: number; questions: number; lastSync: string | null; skipped: number };
};

/** The number of migration folders this build ships with. */
function expectedMigrations(): number {
  try {
    return fs
      .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory()).length;
  } catch {
    return 0;
  }
}

/** Below this much free space the database can no longer be trusted to take a write. */
const MIN_FREE_BYTES = 8 * 2 ** 20;

/**
 * Can the database be written? Checks the file and its folder (SQLite writes its -wal and -shm
 * beside the file; a read-only mount fails these even for root), free space, and finally asks
 * SQLite itself with an UPDATE that matches no row: on a read-only connection it is refused
 * before any row is touched, and otherwise it changes nothing.
 */
async function storageState(): Promise<Health["storage"]> {
  const file = path.resolve(databasePath(databaseUrl()));
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return "read-only";
  }
  try {
    const stats = fs.statfsSync(path.dirname(file));
    if (stats.bavail * stats.bsize < MIN_FREE_BYTES) return "full";
  } catch {
    // statfs is unavailable on some platforms: rely on the write probe below.
  }
  try {
    await prisma.syncRun.updateMany({ where: { id: -1 }, data: { banksSynced: 0 } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/readonly|read-only|read only/i.test(message)) return "read-only";
    if (/SQLITE_FULL|disk is full|database or disk is full/i.test(message)) return "full";
    // Anything else (schema behind, database unreachable) is reported by the other checks.
  }
  return "ok";
}

/** What /api/health reports. Never throws: an unreachable database is a state, not an error. */
export async function readHealth(): Promise<Health> {
  const expected = expectedMigrations();
  const db = await databaseStatus(prisma, expected);
  const storage = db.reachable ? await storageState() : "ok";
  const banks: Health["banks"] = { synced: 0, questions: 0, lastSync: null, skipped: 0 };
  if (db.reachable && !db.migrationsPending) {
    try {
      const [synced, questions, lastRun] = await Promise.all([
        prisma.bank.count(),
        prisma.question.count({ where: { retiredAt: null } }),
        prisma.syncRun.findFirst({ orderBy: { id: "desc" } }),
      ]);
      banks.synced = synced;
      banks.questions = questions;
      banks.lastSync = lastRun?.finishedAt.toISOString() ?? null;
      banks.skipped = lastRun?.banksSkipped ?? 0;
    } catch {
      return {
        status: "unavailable",
        database: "unreachable",
        storage,
        migrations: { applied: db.migrationsApplied, expected, pending: db.migrationsPending },
        banks,
      };
    }
  }
  const status =
    !db.reachable || storage !== "ok"
      ? "unavailable"
      : db.migrationsPending || banks.skipped > 0
        ? "degraded"
        : "ok";
  return {
    status,
    database: db.reachable ? "ok" : "unreachable",
    storage,
    migrations: { applied: db.migrationsApplied, expected, pending: db.migrationsPending },
    banks,
  };
}
