import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createSqliteTestDatabase, type TestDatabase } from "../../testing/test-database";
import { backupDatabase, backupFileName, integrityCheck, restoreDatabase } from "./backup";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const at = new Date("2026-01-01T00:00:00Z");
const run = (id: number) => ({
  id,
  startedAt: at,
  finishedAt: at,
  banksSynced: id,
  banksSkipped: 0,
  questionsAdded: 0,
  questionsUpdated: 0,
  questionsRetired: 0,
});

describe("backup and restore", () => {
  it("rehearses a restore: back up, change the data, restore, and get the backed-up rows back", async () => {
    db = createSqliteTestDatabase();
    await db.prisma.syncRun.create({ data: run(1) });
    const dir = path.dirname(db.file);
    const backup = path.join(dir, "backups", backupFileName(at));
    // The live connection stays open while the backup runs, as it would under a serving app.
    await backupDatabase(db.file, backup);
    expect(integrityCheck(backup).ok).toBe(true);

    await db.prisma.syncRun.create({ data: run(2) });
    await db.prisma.$disconnect();

    await restoreDatabase(backup, db.file, path.join(dir, "safety.db"));
    const { createPrismaClient } = await import("..");
    const reopened = createPrismaClient(`file:${db.file}`);
    try {
      expect((await reopened.syncRun.findMany()).map((row) => row.id)).toEqual([1]);
    } finally {
      await reopened.$disconnect();
    }
    // The database that was replaced is kept, with the row the restore removed.
    const safety = createPrismaClient(`file:${path.join(dir, "safety.db")}`);
    try {
      expect(await safety.syncRun.count()).toBe(2);
    } finally {
      await safety.$disconnect();
    }
  });

  it("copies the database as it was when the backup began, in steps, while another connection writes", async () => {
    db = createSqliteTestDatabase();
    await db.prisma.syncRun.create({ data: run(1) });
    const backup = path.join(path.dirname(db.file), "stepped.db");
    // A second connection, as the serving app's would be, writes a row after every step. Without
    // one snapshot held across the steps, SQLite would start the copy again after each write, and
    // at one page a step it would never end.
    const writer = new Database(db.file);
    let steps = 0;
    try {
      const insert = writer.prepare(
        `INSERT INTO "SyncRun" ("id", "startedAt", "finishedAt", "banksSynced", "banksSkipped",
          "questionsAdded", "questionsUpdated", "questionsRetired") VALUES (?, 0, 0, 0, 0, 0, 0, 0)`,
      );
      await backupDatabase(db.file, backup, {
        pagesPerStep: 1,
        afterStep: () => {
          steps += 1;
          insert.run(100 + steps);
        },
      });
    } finally {
      writer.close();
    }
    expect(steps).toBeGreaterThan(10);
    expect(integrityCheck(backup).ok).toBe(true);
    const copy = new Database(backup, { readonly: true });
    try {
      expect(copy.prepare(`SELECT "id" FROM "SyncRun" ORDER BY "id"`).all()).toEqual([{ id: 1 }]);
    } finally {
      copy.close();
    }
    expect(await db.prisma.syncRun.count()).toBe(1 + steps);
  }, 30_000);

  it("refuses to restore a damaged file and leaves the database untouched", async () => {
    db = createSqliteTestDatabase();
    await db.prisma.syncRun.create({ data: run(1) });
    const damaged = path.join(path.dirname(db.file), "damaged.db");
    fs.writeFileSync(damaged, Buffer.alloc(8192, 7));
    await expect(restoreDatabase(damaged, db.file, `${damaged}.safety`)).rejects.toThrow();
    expect(await db.prisma.syncRun.count()).toBe(1);
  });

  it("names backups by time, safely for any file system", () => {
    expect(backupFileName(new Date("2026-11-27T15:50:01.123Z"))).toBe("taskdeck-2026-11-27T15-50-01Z.db");
  });
});
