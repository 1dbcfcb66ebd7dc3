import "server-only";
import fs from "node:fs";
import path from "node:path";
import { databaseDialect, databaseUrl } from "./database-url";
import { prisma, storeOf } from "./db";

export type Health = {
  status: "ok" | "degraded" | "unavailable";
  database: "ok" | "unreachable";
  /**
   * Whether writes can land: a read-only file or folder, or a full disk, makes the app unavailable;
   * "busy" means another process holds the database's write lock right now (writes are retried
   * briefly, then refused with "NOT saved, try again").
   */
  storage: "ok" | "read-only" | "full" | "busy";
  migrations: { applied: number; expected: number; pending: boolean };
  banks: { synced: number; questions: number; lastSync: string | null; skipped: number };
};

/** The number of migration folders this build ships with, for the database it is configured for. */
function expectedMigrations(): number {
  const folder =
    databaseDialect(databaseUrl()) === "postgres"
      ? path.join(process.cwd(), "prisma", "postgres", "migrations")
      : path.join(process.cwd(), "prisma", "migrations");
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
  } catch {
    return 0;
  }
}

/** What /api/health reports. Never throws: an unreachable database is a state, not an error. */
export async function readHealth(): Promise<Health> {
  const expected = expectedMigrations();
  const store = storeOf(prisma);
  const db = await store.databaseStatus(expected);
  const storage = db.reachable ? await store.storageState() : "ok";
  const banks: Health["banks"] = { synced: 0, questions: 0, lastSync: null, skipped: 0 };
  if (db.reachable && !db.migrationsPending) {
    try {
      const counts = await store.bankCounts();
      banks.synced = counts.synced;
      banks.questions = counts.questions;
      banks.lastSync = counts.lastSync?.toISOString() ?? null;
      banks.skipped = counts.skipped;
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
    !db.reachable || storage === "read-only" || storage === "full"
      ? "unavailable"
      : db.migrationsPending || banks.skipped > 0 || storage === "busy"
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
