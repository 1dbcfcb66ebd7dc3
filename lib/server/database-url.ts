import fs from "node:fs";
import path from "node:path";

/** The default SQLite file, relative to the folder Taskdeck is started from. */
export const DEFAULT_DATABASE_URL = "file:./data/taskdeck.db";

/** The database a URL names: SQLite for `file:…`, PostgreSQL for `postgresql://…` or `postgres://…`. */
export function databaseDialect(url: string): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/**
 * The database URL Taskdeck uses everywhere (app, CLI, migrations).
 * Reads `DATABASE_URL`, falling back to the default SQLite file.
 * @example databaseUrl({}) // "file:./data/taskdeck.db"
 */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env.DATABASE_URL?.trim();
  if (!value) return DEFAULT_DATABASE_URL;
  if (!value.startsWith("file:") && databaseDialect(value) !== "postgres") {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL or a PostgreSQL "postgresql://" URL, got "${value.replace(/\/\/[^@/]*@/, "//…@")}"`,
    );
  }
  return value;
}

/** The filesystem path of a `file:` URL, as better-sqlite3 opens it (relative to the working folder). */
export function databasePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Creates the folder that will hold the SQLite file, so a fresh clone needs no manual step. */
export function ensureDatabaseFolder(url: string): void {
  const file = databasePath(url);
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
