import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "../../testing/test-database";
import {
  backgroundCheckpointer,
  closeDatabase,
  createPrismaClient,
  onSqliteConnection as onConnection,
} from "..";

// The server's connection hands WAL checkpoints to a worker thread (lib/server/db-checkpoint.ts).
// These tests write through the same prepared-statement path gradings use and read the log's
// state from the outside.

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function database(options: Parameters<typeof createPrismaClient>[1]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-ckpt-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  const prisma = createPrismaClient(`file:${file}`, options);
  cleanup.push(async () => {
    await closeDatabase(prisma);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { file, prisma };
}

/** Writes `count` sync-run rows, one commit each, letting the event loop turn between them. */
async function write(prisma: PrismaClient, from: number, count: number) {
  for (let id = from; id < from + count; id++) {
    await onConnection(prisma, (sql) =>
      sql.transaction(() =>
        sql.run(
          `INSERT INTO "SyncRun" ("id", "startedAt", "finishedAt", "banksSynced", "banksSkipped",
             "questionsAdded", "questionsUpdated", "questionsRetired", "findings")
           VALUES (?, '2026-01-01', '2026-01-01', 0, 0, 0, 0, 0, ?)`,
          id,
          "x".repeat(3000), // about a page per commit
        ),
      ),
    );
    // A pause of the checkpointer's own interval every 20 commits: the writer is the server, which
    // waits on requests; with Vitest's two workers on two cores a 1 ms pause let the writer outrun
    // the checkpoint thread (1,221 pages once), which measures the machine, not the checkpointer.
    if (id % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const autocheckpoint = (prisma: PrismaClient) =>
  onConnection(prisma, (sql) => sql.get<{ wal_autocheckpoint: number }>("PRAGMA wal_autocheckpoint"));

const walPages = (file: string) => fs.statSync(`${file}-wal`).size / 4096;

describe("background WAL checkpoints", () => {
  it("take checkpoints off the server's connection and keep the log from growing", async () => {
    const { file, prisma } = database({
      backgroundCheckpoints: { intervalMs: 5, restartPages: 200, quietEveryMs: 0 },
    });
    expect(await backgroundCheckpointer(prisma)).toBeDefined();
    expect((await autocheckpoint(prisma))?.wal_autocheckpoint).toBe(0);
    await write(prisma, 1, 1500);
    // Without a checkpointer nobody would copy the log: 1,500 commits of a page or more each.
    // With it the log starts over near 200 pages and the file stays near that size.
    expect(walPages(file)).toBeLessThan(1000);
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.prepare(`SELECT COUNT(*) AS n FROM "SyncRun"`).get()).toEqual({ n: 1500 });
    } finally {
      reader.close();
    }
  });

  it("without the worker, the log only grows (what the first test would see without it)", async () => {
    const { file, prisma } = database({});
    expect(await backgroundCheckpointer(prisma)).toBeUndefined();
    await onConnection(prisma, (sql) => sql.get("PRAGMA wal_autocheckpoint = 0"));
    await write(prisma, 1, 1500);
    expect(walPages(file)).toBeGreaterThan(1500);
  });

  it("gives checkpoints back to the connection when the worker stops", async () => {
    const { prisma } = database({ backgroundCheckpoints: { intervalMs: 5 } });
    const checkpointer = await backgroundCheckpointer(prisma);
    expect((await autocheckpoint(prisma))?.wal_autocheckpoint).toBe(0);
    // A worker that dies (here: terminated from outside) must not leave the log uncopied.
    await checkpointer?.worker.terminate();
    await expect.poll(async () => (await autocheckpoint(prisma))?.wal_autocheckpoint).toBe(1000);
  });

  it("is not used for an in-memory database", async () => {
    const prisma = createPrismaClient("file::memory:", { backgroundCheckpoints: true });
    cleanup.push(() => closeDatabase(prisma));
    expect(await backgroundCheckpointer(prisma)).toBeUndefined();
  });
});
