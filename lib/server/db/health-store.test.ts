import { afterEach, describe, expect, it } from "vitest";
import { loadStudyBank } from "../testing/study-fixture";
import { setStorageReadOnly, type TestDatabase, testDialects } from "../testing/test-database";
import { storeOf } from ".";

// What /api/health reads, on each database: the banks in one statement, and whether a write could
// land (a read-only database says so rather than "ok").

describe.each(testDialects())("the health check's reads on $dialect", ({ create }) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    if (database) await setStorageReadOnly(database, false).catch(() => undefined);
    await database?.cleanup();
    database = undefined;
  });

  it("counts the banks and live questions and names the last sync", async () => {
    database = await create();
    expect(await storeOf(database.prisma).bankCounts()).toEqual({
      synced: 0,
      questions: 0,
      lastSync: null,
      skipped: 0,
    });
    const bank = await loadStudyBank(database.prisma, new Date("2026-01-01T00:00:00Z"));
    const counts = await storeOf(database.prisma).bankCounts();
    expect(counts.synced).toBe(1);
    expect(counts.questions).toBe(bank.questions.length);
    expect(counts.lastSync).toBeInstanceOf(Date);
    expect(counts.skipped).toBe(0);
  });

  it("says read-only when the database refuses writes, ok otherwise", async () => {
    database = await create();
    expect(await storeOf(database.prisma).storageState()).toBe("ok");
    await setStorageReadOnly(database, true);
    expect(await storeOf(database.prisma).storageState()).toBe("read-only");
  });
});
