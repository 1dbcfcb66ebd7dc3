import "server-only";
import fs from "node:fs";
import path from "node:path";
import { databaseStatus, prisma } from "./db";

export type Health = {
  status: "ok" | "degraded" | "unavailable";
  database: "ok" | "unreachable";
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

/** What /api/health reports. Never throws: an unreachable database is a state, not an error. */
export async function readHealth(): Promise<Health> {
  const expected = expectedMigrations();
  const db = await databaseStatus(prisma, expected);
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
        migrations: { applied: db.migrationsApplied, expected, pending: db.migrationsPending },
        banks,
      };
    }
  }
  const status = !db.reachable
    ? "unavailable"
    : db.migrationsPending || banks.skipped > 0
      ? "degraded"
      : "ok";
  return {
    status,
    database: db.reachable ? "ok" : "unreachable",
    migrations: { applied: db.migrationsApplied, expected, pending: db.migrationsPending },
    banks,
  };
}
