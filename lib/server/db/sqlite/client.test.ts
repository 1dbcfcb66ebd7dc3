import { afterEach, describe, expect, it } from "vitest";
import { createSqliteTestDatabase, type TestDatabase } from "../../testing/test-database";
import { SQLITE_BUSY_WAIT_MS } from "./client";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function syncRun(id: number) {
  const at = new Date("2026-01-01T00:00:00Z");
  return {
    id,
    startedAt: at,
    finishedAt: at,
    banksSynced: 0,
    banksSkipped: 0,
    questionsAdded: 0,
    questionsUpdated: 0,
    questionsRetired: 0,
  };
}

describe("the database client", () => {
  it("opens every connection with WAL, a short synchronous busy wait, foreign keys and synchronous=NORMAL", async () => {
    db = createSqliteTestDatabase();
    const read = async (pragma: string) => {
      const rows = await db?.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${pragma}`);
      return String(Object.values(rows?.[0] ?? {})[0]);
    };
    expect(await read("journal_mode")).toBe("wal");
    // Longer waits for another process's lock are asynchronous retries (retryWhileBusy).
    expect(await read("busy_timeout")).toBe(String(SQLITE_BUSY_WAIT_MS));
    expect(await read("foreign_keys")).toBe("1");
    expect(await read("synchronous")).toBe("1"); // 1 = NORMAL
  });

  it("keeps a write acknowledged during another request's transaction when that transaction rolls back", async () => {
    db = createSqliteTestDatabase();
    const prisma = db.prisma;
    const rolledBack = prisma
      .$transaction(async (tx) => {
        await tx.syncRun.create({ data: syncRun(1) });
        await sleep(50); // another request gets the event loop here
        throw new Error("abandon this transaction");
      })
      .catch(() => "rolled back");
    await sleep(10);
    // A plain write from "another request" while the transaction is open.
    await prisma.syncRun.create({ data: syncRun(2) });
    expect(await rolledBack).toBe("rolled back");
    const ids = (await prisma.syncRun.findMany({ select: { id: true } })).map((row) => row.id);
    expect(ids).toEqual([2]);
  });

  it("does not let a plain read see another transaction's uncommitted rows", async () => {
    db = createSqliteTestDatabase();
    const prisma = db.prisma;
    const transaction = prisma
      .$transaction(async (tx) => {
        await tx.syncRun.create({ data: syncRun(7) });
        await sleep(50);
        throw new Error("abandon");
      })
      .catch(() => "rolled back");
    await sleep(10);
    // Without the connection lock this read runs inside the open transaction and counts its row.
    const seen = await prisma.syncRun.count();
    expect(await transaction).toBe("rolled back");
    expect(seen).toBe(0);
  });
});
