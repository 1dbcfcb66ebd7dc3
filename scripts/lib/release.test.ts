import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type PgCluster, postgresUnavailableReason, startPostgres } from "./pg-cluster";
import { migrationFolders } from "./postgres-migrations";
import { RELEASE_STEPS, type ReleaseStep, release } from "./release";

type Interval = { start: number; end: number };

/** A step that records when it ran and takes `ms`. */
function timedStep(intervals: Interval[], ms: number): ReleaseStep {
  return {
    name: "timed",
    run: async () => {
      const start = Date.now();
      await sleep(ms);
      intervals.push({ start, end: Date.now() });
      return 0;
    },
  };
}

const overlaps = ([a, b]: Interval[]) => Boolean(a && b && a.start < b.end && b.start < a.end);

describe("release on SQLite", () => {
  it("takes no lock: two releases run side by side (the control for the PostgreSQL test)", async () => {
    const intervals: Interval[] = [];
    const url = "file:/nonexistent/never-opened.db";
    const results = await Promise.all([1, 2].map(() => release(url, [timedStep(intervals, 300)])));
    expect(results).toEqual([true, true]);
    expect(overlaps(intervals)).toBe(true);
  });
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL release tests skipped: ${unavailable}`);

describe.skipIf(unavailable)("release on PostgreSQL", () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("lets one process at a time through, and frees the lock when a step fails", async () => {
    const intervals: Interval[] = [];
    const results = await Promise.all([1, 2, 3].map(() => release(cluster.url, [timedStep(intervals, 300)])));
    expect(results).toEqual([true, true, true]);
    const sorted = [...intervals].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(overlaps([sorted[i - 1] as Interval, sorted[i] as Interval])).toBe(false);

    expect(await release(cluster.url, [{ name: "broken", run: async () => 1 }])).toBe(false);
    const after: Interval[] = [];
    expect(await release(cluster.url, [timedStep(after, 10)])).toBe(true);
  });

  it("migrates a fresh database once when two releases start together", async () => {
    const url = await createDatabase(cluster.adminUrl, "two_starts");
    const migrate = RELEASE_STEPS.filter((step) => step.name === "migrate");
    expect(await Promise.all([release(url, migrate), release(url, migrate)])).toEqual([true, true]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query('SELECT migration_name, finished_at FROM "_prisma_migrations"');
      expect(rows.rows.map((row) => row.migration_name).sort()).toEqual(migrationFolders());
      expect(rows.rows.every((row) => row.finished_at !== null)).toBe(true);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("fails cleanly when the server cannot be reached", async () => {
    const url = `postgresql://postgres@127.0.0.1:${cluster.port + 1}/none`;
    expect(await release(url, [{ name: "never", run: async () => 0 }])).toBe(false);
  });
});
