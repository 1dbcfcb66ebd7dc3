import { afterEach, describe, expect, it } from "vitest";
import { createSqliteTestDatabase, type TestDatabase } from "../../testing/test-database";
import { onSqliteConnection as onConnection } from "..";

// onConnection (the prepared-statement path of grading and the session lookup) shares the
// connection with Prisma: it must wait for an open interactive transaction instead of running
// inside it, and its own transaction must leave nothing behind when it throws.

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const at = new Date("2026-01-01T00:00:00Z");
const run = {
  startedAt: at,
  finishedAt: at,
  banksSynced: 1,
  banksSkipped: 0,
  questionsAdded: 0,
  questionsUpdated: 0,
  questionsRetired: 0,
};
const count = (sql: { get<T>(text: string): T | undefined }) =>
  sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "SyncRun"`)?.n;

describe("onConnection", () => {
  it("waits for a Prisma transaction in progress and never sees its uncommitted rows", async () => {
    db = createSqliteTestDatabase();
    const prisma = db.prisma;
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = prisma.$transaction(async (tx) => {
      await tx.syncRun.create({ data: run });
      inserted();
      await held;
    });
    await insertedYet;
    let seen: number | undefined;
    const reading = onConnection(prisma, (sql) => {
      seen = count(sql);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toBeUndefined();
    finish();
    await transaction;
    await reading;
    expect(seen).toBe(1);
  });

  it("rolls its transaction back when the work throws, and the connection stays usable", async () => {
    db = createSqliteTestDatabase();
    const prisma = db.prisma;
    await expect(
      onConnection(prisma, (sql) =>
        sql.transaction(() => {
          sql.run(
            `INSERT INTO "SyncRun" ("startedAt", "finishedAt", "banksSynced", "banksSkipped", "questionsAdded", "questionsUpdated", "questionsRetired") VALUES ('x', 'x', 1, 0, 0, 0, 0)`,
          );
          throw new Error("changed my mind");
        }),
      ),
    ).rejects.toThrow("changed my mind");
    expect(await prisma.syncRun.count()).toBe(0);
    expect(await onConnection(prisma, (sql) => count(sql))).toBe(0);
    await prisma.syncRun.create({ data: run });
    expect(await onConnection(prisma, (sql) => count(sql))).toBe(1);
  });
});
