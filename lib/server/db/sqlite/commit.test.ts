import { afterEach, describe, expect, it } from "vitest";
import { createSqliteTestDatabase, type TestDatabase } from "../../testing/test-database";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

/** Resolves with the promise's value, or "hung" when it takes longer than `ms`. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), ms))]);

describe("a transaction whose COMMIT fails (full disk, deferred constraint)", () => {
  it("is rolled back and leaves the connection usable for the next request", async () => {
    db = createSqliteTestDatabase();
    const prisma = db.prisma;
    const failed = await prisma
      .$transaction(async (tx) => {
        // A deferred foreign key is only checked at COMMIT, so COMMIT itself fails, as it would on a full disk.
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.question.create({
          data: {
            id: "orphan",
            bankId: "no-such-bank",
            kind: "single",
            title: "t",
            topic: "t",
            difficulty: 1,
            position: 0,
            data: "{}",
            contentHash: "h",
          },
        });
      })
      .then(() => "committed")
      .catch(() => "refused");
    expect(failed).toBe("refused");
    expect(await within(prisma.question.count(), 3000)).toBe(0);
    expect(await within(prisma.syncRun.count(), 3000)).toBe(0);
    // The next transaction gets the connection and commits normally.
    const at = new Date("2026-01-01T00:00:00Z");
    const next = prisma.$transaction((tx) =>
      tx.syncRun.create({
        data: {
          startedAt: at,
          finishedAt: at,
          banksSynced: 1,
          banksSkipped: 0,
          questionsAdded: 0,
          questionsUpdated: 0,
          questionsRetired: 0,
        },
      }),
    );
    expect(
      await within(
        next.then(() => "committed"),
        3000,
      ),
    ).toBe("committed");
    expect(await prisma.syncRun.count()).toBe(1);
  });
});
