import fs from "node:fs";
import path from "node:path";

/** The default SQLite file, relative to the folder Taskdeck is started from. */
export const DEFAULT_DATABASE_URL = "file:./data/taskdeck.db";

/** The two databases Taskdeck runs on, named as Prisma names their providers. */
export type DatabaseProvider = "sqlite" | "postgresql";

/**
 * Whether a URL names a PostgreSQL server (`postgresql://` or `postgres://`).
 * @example isPostgresUrl("postgres://db/taskdeck") // true
 */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}

/**
 * The database a URL names: PostgreSQL for `postgresql://`/`postgres://`, SQLite for `file:`.
 * @example databaseProvider("file:./data/taskdeck.db") // "sqlite"
 */
export function databaseProvider(url: string): DatabaseProvider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** The database a URL names, as the storage layer (lib/server/db/) says it. */
export function databaseDialect(url: string): "sqlite" | "postgres" {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}

/**
 * The database URL Taskdeck uses everywhere (app, CLI, migrations).
 * Reads `DATABASE_URL`, falling back to the default SQLite file. A SQLite `file:` URL and a
 * PostgreSQL `postgresql://` (or `postgres://`) URL are accepted; anything else is refused.
 * @example databaseUrl({}) // "file:./data/taskdeck.db"
 */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env.DATABASE_URL?.trim();
  if (!value) return DEFAULT_DATABASE_URL;
  if (!value.startsWith("file:") && !isPostgresUrl(value)) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL or a PostgreSQL "postgresql://" URL, got "${value.replace(/\/\/[^@/]*@/, "//…@")}"`,
    );
  }
  return value;
}

/**
 * The filesystem path of a `file:` URL, as better-sqlite3 opens it (relative to the working folder).
 * Throws for a PostgreSQL URL: there is no file to open.
 */
export function databasePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(
      `Not a SQLite "file:" URL: this needs the SQLite database, and DATABASE_URL names another`,
    );
  }
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Creates the folder that will hold the SQLite file, so a fresh clone needs no manual step. */
export function ensureDatabaseFolder(url: string): void {
  const file = databasePath(url);
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
