import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseDialect } from "../database-url";
import { closeDatabase, createPrismaClient } from "../db";

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

let template: Promise<string> | undefined;
let counter = 0;

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated template database, made once per test process; each test database copies it. */
function migratedTemplate(server: string): Promise<string> {
  template ??= (async () => {
    const name = `taskdeck_template_${process.pid}_${Date.now()}`;
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    const folder = path.join(process.cwd(), "prisma", "postgres", "migrations");
    const client = new pg.Client({ connectionString: withDatabase(server, name) });
    await client.connect();
    try {
      for (const entry of fs.readdirSync(folder).sort()) {
        const sql = path.join(folder, entry, "migration.sql");
        if (fs.existsSync(sql)) await client.query(fs.readFileSync(sql, "utf8"));
      }
    } finally {
      await client.end();
    }
    return name;
  })();
  return template;
}

/** Creates a migrated PostgreSQL database in the test server; `cleanup` drops it. */
export async function createPostgresTestDatabase(server: string): Promise<TestDatabase> {
  const source = await migratedTemplate(server);
  const name = `taskdeck_test_${process.pid}_${Date.now()}_${counter++}`;
  await adminQuery(server, `CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  const url = withDatabase(server, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    file: "",
    dialect: "postgres",
    prisma,
    async cleanup() {
      await closeDatabase(prisma);
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Creates a migrated SQLite database in a temporary folder; call `cleanup` in `afterEach`/`afterAll`. */
export function createTestDatabase(): TestDatabase {
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
    { dialect: "sqlite" as const, create: async () => createTestDatabase() },
    ...(server ? [{ dialect: "postgres" as const, create: () => createPostgresTestDatabase(server) }] : []),
  ];
}
