import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupPostgres, checkPgBackup, pgBackupFileName, restorePostgres } from "./pg-backup";
import { type PgCluster, postgresUnavailableReason, startPostgres } from "./pg-cluster";
import { migrationFolders, POSTGRES_MIGRATIONS } from "./postgres-migrations";

describe("pgBackupFileName", () => {
  it("names a backup by its UTC time, safe on every filesystem", () => {
    expect(pgBackupFileName(new Date("2026-12-06T15:50:00.123Z"))).toBe("taskdeck-2026-12-06T15-50-00Z.dump");
  });
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL backup tests skipped: ${unavailable}`);

// A rehearsal on Taskdeck's own schema (the PostgreSQL migrations applied as migrate deploy would).
describe.skipIf(unavailable)("PostgreSQL backup and restore", () => {
  let cluster: PgCluster;
  let db: pg.Client;
  let scratch: string;
  const emails = async () =>
    (await db.query('SELECT "email" FROM "User" ORDER BY "email"')).rows.map((row) => row.email as string);

  beforeAll(async () => {
    cluster = await startPostgres();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-pg-backup-"));
    db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    for (const name of migrationFolders()) {
      await db.query(fs.readFileSync(path.join(POSTGRES_MIGRATIONS, name, "migration.sql"), "utf8"));
    }
  });
  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("restores what was backed up, triggers included, keeping a copy of what it replaced", async () => {
    const now = new Date("2026-12-06T12:00:00Z");
    const addUser = (id: string) =>
      db.query(
        `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ($1, $1, $1 || '@x.test', $2)`,
        [id, now],
      );
    await addUser("ada");
    await addUser("bob");
    const backup = path.join(scratch, "nested", pgBackupFileName(now));
    const { entries } = await backupPostgres(cluster.url, backup);
    expect(entries).toBeGreaterThan(50);

    await db.query(`DELETE FROM "User" WHERE "id" = 'ada'`);
    await addUser("cyd");
    expect(await emails()).toEqual(["bob@x.test", "cyd@x.test"]);

    const safety = path.join(scratch, "before-restore.dump");
    await restorePostgres(cluster.url, backup, safety);
    expect(await emails()).toEqual(["ada@x.test", "bob@x.test"]);
    await expect(checkPgBackup(safety)).resolves.toMatchObject({ entries: expect.any(Number) });
    const triggers = await db.query(`SELECT tgname FROM pg_trigger WHERE tgname = 'Review_append_only'`);
    expect(triggers.rows).toHaveLength(1);
  }, 60_000);

  it("refuses a file that is not a dump and leaves the database as it was", async () => {
    const before = await emails();
    const bogus = path.join(scratch, "bogus.dump");
    fs.writeFileSync(bogus, "not a dump");
    await expect(restorePostgres(cluster.url, bogus, path.join(scratch, "unused.dump"))).rejects.toThrow(
      /not a readable pg_dump archive/,
    );
    expect(fs.existsSync(path.join(scratch, "unused.dump"))).toBe(false);
    expect(await emails()).toEqual(before);
  });

  it("fails without leaving a partial file when the server cannot be reached", async () => {
    const destination = path.join(scratch, "unreachable.dump");
    await expect(
      backupPostgres(`postgresql://postgres@127.0.0.1:${cluster.port + 1}/taskdeck`, destination),
    ).rejects.toThrow(/pg_dump failed/);
    expect(fs.readdirSync(scratch).filter((name) => name.startsWith("unreachable"))).toEqual([]);
  });
});
