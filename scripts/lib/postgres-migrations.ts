// PostgreSQL migrations (prisma/postgres/migrations): how they are made from the generated schema.
// The CLI is scripts/postgres-migration.ts; db:check (scripts/check-migrations.ts) checks the result.
import fs from "node:fs";
import path from "node:path";
import { baseEnv, bin, capture } from "./run";

export const POSTGRES_MIGRATIONS = path.join("prisma", "postgres", "migrations");

/** Everything after this line of the baseline is hand-written and survives `--rebaseline`. */
export const HAND_WRITTEN_MARKER =
  "-- ──── Hand-written below this line (kept by `scripts/postgres-migration.ts --rebaseline`) ────";

/** The migration folders, oldest first (Prisma applies them in name order). */
export function migrationFolders(root: string = process.cwd()): string[] {
  const folder = path.join(root, POSTGRES_MIGRATIONS);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, "migration.sql")))
    .sort();
}

/** A folder name `<UTC yyyymmddhhmmss>_<name>` that sorts after every existing one. */
export function nextMigrationName(name: string, existing: string[], now: Date): string {
  if (!/^[a-z0-9_]+$/.test(name))
    throw new Error(`Name migrations in lower case, digits and _ (got "${name}")`);
  let stamp = Number(now.toISOString().replace(/\D/g, "").slice(0, 14));
  const last = existing.at(-1);
  const lastStamp = last ? Number(last.slice(0, 14)) : 0;
  if (stamp <= lastStamp) stamp = lastStamp + 1;
  return `${stamp}_${name}`;
}

/** Whether a `migrate diff --script` output changes nothing. */
export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}

/** Runs `prisma migrate diff` against the PostgreSQL server at `url`; the CLI's exit code and output. */
export function migrateDiff(url: string, args: string[]) {
  return capture(bin("prisma"), ["migrate", "diff", ...args], baseEnv({ DATABASE_URL: url }));
}
