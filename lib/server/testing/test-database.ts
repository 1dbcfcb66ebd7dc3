import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "../db";

/** A throwaway SQLite file with every migration applied, for data-layer tests. */
export type TestDatabase = { url: string; file: string; prisma: PrismaClient; cleanup: () => Promise<void> };

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

/** Creates a migrated database in a temporary folder; call `cleanup` in `afterEach`/`afterAll`. */
export function createTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-test-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  return {
    url,
    file,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
