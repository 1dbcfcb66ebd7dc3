import Database from "better-sqlite3";
import pg from "pg";
import { databasePath, isPostgresUrl } from "../../lib/server/database-url";

// Direct reads and writes on the database the e2e server uses (E2E_DATABASE_URL, set by
// scripts/e2e.ts; playwright.config.ts falls back to the same default): better-sqlite3 on a SQLite
// file, node-postgres on a PostgreSQL database. The SQL is written once for both:
// - identifiers double-quoted ("QuizAttempt"."startedAt"): PostgreSQL folds unquoted ones;
// - `?` placeholders (turned into $1, $2… for PostgreSQL);
// - no rowid: order by a real column;
// - dates and booleans go in as Date and boolean (stored as Prisma stores them on each database);
// - dates come back as Date on PostgreSQL and as ISO text on SQLite: compare them through asDate();
// - COUNT(*) and other 64-bit integers come back as numbers on both.

export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

export type Param = string | number | boolean | Date | null;

/** Runs one statement on a connection and returns its rows (none for a write). */
export type Query = <Row = Record<string, unknown>>(sql: string, params?: Param[]) => Promise<Row[]>;

const isPostgres = isPostgresUrl(E2E_DATABASE_URL);

/** A statement's `?` placeholders as $1, $2…, leaving quoted strings and identifiers alone. */
export function toPostgresPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === "?") {
      n += 1;
      out += `$${n}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** A value as the SQLite file holds it: Prisma stores dates as ISO text with +00:00 and booleans as 0/1. */
function toSqlite(value: Param): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

// node-postgres returns int8 (COUNT(*)) as a string; these tests count far below 2^53.
const postgresTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Opens a connection, runs `work` with it and closes it; with `transaction`, all of `work`'s
 * statements commit together or not at all.
 */
export async function withDatabase<T>(
  work: (query: Query) => Promise<T>,
  options: { transaction?: boolean } = {},
): Promise<T> {
  if (isPostgres) {
    const client = new pg.Client({ connectionString: E2E_DATABASE_URL, types: postgresTypes });
    await client.connect();
    const query: Query = async <Row>(sql: string, params: Param[] = []) =>
      (await client.query(toPostgresPlaceholders(sql), params)).rows as Row[];
    try {
      if (!options.transaction) return await work(query);
      await client.query("BEGIN");
      try {
        const result = await work(query);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    } finally {
      await client.end();
    }
  }
  const db = new Database(databasePath(E2E_DATABASE_URL), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const query: Query = async <Row>(sql: string, params: Param[] = []) => {
    const statement = db.prepare(sql);
    const values = params.map(toSqlite);
    if (statement.reader) return statement.all(...values) as Row[];
    statement.run(...values);
    return [];
  };
  try {
    if (!options.transaction) return await work(query);
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work(query);
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

/** Runs one statement on its own connection and returns its rows. */
export function query<Row = Record<string, unknown>>(sql: string, params: Param[] = []): Promise<Row[]> {
  return withDatabase((q) => q<Row>(sql, params));
}

/** The first row of a statement, or undefined. */
export async function queryOne<Row = Record<string, unknown>>(
  sql: string,
  params: Param[] = [],
): Promise<Row | undefined> {
  return (await query<Row>(sql, params))[0];
}

/** A date column's value as a Date: PostgreSQL returns Date, SQLite the ISO text Prisma wrote. */
export function asDate(value: Date | string): Date;
export function asDate(value: Date | string | null): Date | null;
export function asDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${String(value)}`);
  return date;
}
