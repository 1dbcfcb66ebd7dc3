import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseDialect } from "../database-url";
import { closeDatabase, createPrismaClient, onSqliteConnection } from "../db";

/** A throwaway database with every migration applied, for data-layer tests. */
export type TestDatabase = {
  url: string;
  /** The SQLite file ("" on PostgreSQL). */
  file: string;
  dialect: "sqlite" | "postgres";
  prisma: PrismaClient;
  cleanup: () => Promise<void>;
};

/** Applies prisma/migrations in order, as `prisma migrate deploy` would, without spawning the CLI. */
export function applyMigrations(file: string): void {
  const folder = path.join(process.cwd(), "prisma", "migrations");
  const db = new Database(file);
  try {
    for (const name of fs.readdirSync(folder).sort()) {
      const sql = path.join(folder, name, "migration.sql");
      if (fs.existsSync(sql)) db.exec(fs.readFileSync(sql, "utf8"));
    }
  } finally {
    db.close();
  }
}

/**
 * The PostgreSQL server data-layer tests run against, when `TEST_POSTGRES_URL` names one (CI and
 * `npm run test:pg` start a throwaway cluster and set it); each test database is created in it.
 */
export const testPostgresUrl = (): string | undefined => {
  const url = process.env.TEST_POSTGRES_URL?.trim();
  return url && databaseDialect(url) === "postgres" ? url : undefined;
};

let template: string | undefined;
let counter = 0;

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** Runs SQL (or a file of it) through psql, synchronously: test set-up happens outside any await. */
function psql(url: string, input: { sql: string } | { file: string }): void {
  execFileSync(
    "psql",
    [
      "-X",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-d",
      url,
      ...("sql" in input ? ["-c", input.sql] : ["-f", input.file]),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
}

/** A migrated template database, made once per test process; each test database copies it. */
function migratedTemplate(server: string): string {
  if (template) return template;
  const name = `taskdeck_template_${process.pid}_${Date.now()}`;
  psql(server, { sql: `CREATE DATABASE "${name}"` });
  const folder = path.join(process.cwd(), "prisma", "postgres", "migrations");
  for (const entry of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, entry, "migration.sql");
    if (fs.existsSync(file)) psql(withDatabase(server, name), { file });
  }
  template = name;
  process.once("exit", () => {
    try {
      psql(server, { sql: `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` });
    } catch {
      // The throwaway cluster is removed with its folder anyway.
    }
  });
  return name;
}

/** Creates a migrated PostgreSQL database in the test server; `cleanup` drops it. */
export function createPostgresTestDatabase(server: string): TestDatabase {
  const source = migratedTemplate(server);
  const name = `taskdeck_test_${process.pid}_${Date.now()}_${counter++}`;
  psql(server, { sql: `CREATE DATABASE "${name}" TEMPLATE "${source}"` });
  const url = withDatabase(server, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    file: "",
    dialect: "postgres",
    prisma,
    async cleanup() {
      await closeDatabase(prisma);
      psql(server, { sql: `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` });
    },
  };
}

/**
 * A migrated throwaway database for a data-layer test: SQLite, or PostgreSQL when the suite runs
 * with `TEST_DATABASE=postgres` and `TEST_POSTGRES_URL` (`npm run test:pg`; CI runs both).
 */
export function createTestDatabase(): TestDatabase {
  const server = testPostgresUrl();
  if (server && process.env.TEST_DATABASE === "postgres") return createPostgresTestDatabase(server);
  return createSqliteTestDatabase();
}

/** Creates a migrated SQLite database in a temporary folder; call `cleanup` in `afterEach`/`afterAll`. */
export function createSqliteTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-test-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  return {
    url,
    file,
    dialect: "sqlite",
    prisma,
    async cleanup() {
      await closeDatabase(prisma);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The databases a data-layer test should run on: SQLite always, and PostgreSQL when a test server
 * is given. Use with `describe.each(testDialects())`.
 */
export function testDialects(): Array<{
  dialect: "sqlite" | "postgres";
  create: () => Promise<TestDatabase>;
}> {
  const server = testPostgresUrl();
  return [
    { dialect: "sqlite" as const, create: async () => createSqliteTestDatabase() },
    ...(server
      ? [{ dialect: "postgres" as const, create: async () => createPostgresTestDatabase(server) }]
      : []),
  ];
}

/**
 * Makes a test database refuse every write, as a read-only or full disk does (SQLite: `query_only`
 * on both of its connections; PostgreSQL: read-only transactions by default, its sessions ended so
 * the pool reconnects under the new default), or takes that back.
 */
export async function setStorageReadOnly(database: TestDatabase, readOnly: boolean): Promise<void> {
  if (database.dialect === "sqlite") {
    const pragma = `PRAGMA query_only = ${readOnly ? "ON" : "OFF"}`;
    await database.prisma.$executeRawUnsafe(pragma);
    await onSqliteConnection(database.prisma, (sql) => sql.run(pragma));
    return;
  }
  const name = new URL(database.url).pathname.slice(1);
  // From the maintenance database: a session of the read-only one could not take it back.
  const maintenance = withDatabase(database.url, "postgres");
  psql(maintenance, {
    sql: `ALTER DATABASE "${name}" SET default_transaction_read_only = ${readOnly ? "on" : "off"}`,
  });
  psql(maintenance, {
    sql: `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
  });
  // The pool notices its ended connections when it next uses them: a query that meets one fails
  // once, so wait until a fresh connection answers.
  for (let tries = 0; tries < 20; tries += 1) {
    try {
      await database.prisma.$queryRawUnsafe("SELECT 1");
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
