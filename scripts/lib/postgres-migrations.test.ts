import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgCluster, postgresUnavailableReason, startPostgres } from "./pg-cluster";
import { isEmptyMigration, migrationFolders, nextMigrationName } from "./postgres-migrations";
import { baseEnv, bin, capture } from "./run";

describe("nextMigrationName", () => {
  it("stamps the UTC time and always sorts after the last migration", () => {
    const now = new Date("2026-12-06T16:30:05Z");
    expect(nextMigrationName("add_x", [], now)).toBe("20261206163005_add_x");
    expect(nextMigrationName("add_x", ["20261206170000_baseline"], now)).toBe("20261206170001_add_x");
    expect(() => nextMigrationName("Add X", [], now)).toThrow(/lower case/);
  });
});

describe("isEmptyMigration", () => {
  it("sees through comments", () => {
    expect(isEmptyMigration("-- This is an empty migration.\n")).toBe(true);
    expect(isEmptyMigration('-- AlterTable\nALTER TABLE "Bank" ADD COLUMN "x" TEXT;\n')).toBe(false);
  });
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL migration tests skipped: ${unavailable}`);

// The PostgreSQL migrations applied by the real CLI (`prisma migrate deploy`, through
// prisma.config.ts and its adapter workarounds), then the review log's rules as on SQLite.
describe.skipIf(unavailable)("prisma/postgres/migrations on PostgreSQL", () => {
  let cluster: PgCluster;
  let db: pg.Client;
  beforeAll(async () => {
    cluster = await startPostgres();
    const deploy = capture(bin("prisma"), ["migrate", "deploy"], baseEnv({ DATABASE_URL: cluster.url }));
    if (deploy.code !== 0) throw new Error(`migrate deploy failed:\n${deploy.stdout}${deploy.stderr}`);
    db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
  });

  it("applies every migration and records it", async () => {
    const applied = await db.query(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(applied.rows.map((row) => row.migration_name)).toEqual(migrationFolders());
    const column = await db.query(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'Review' AND column_name = 'serverTime'",
    );
    expect(column.rows[0]?.data_type).toBe("timestamp with time zone");
  });

  it("keeps the review log append-only, and an account's deletion still takes its reviews", async () => {
    const now = new Date("2026-12-06T12:00:00Z");
    await db.query(
      `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('u1', 'L', 'l@x.test', $1)`,
      [now],
    );
    await db.query(
      `INSERT INTO "Bank" ("id", "title", "topic", "file", "sourceHash", "lastSyncedAt", "updatedAt")
      VALUES ('b1', 'B', 'ecs', 'b.md', 'h', $1, $1)`,
      [now],
    );
    await db.query(
      `INSERT INTO "Question" ("id", "bankId", "kind", "title", "topic", "difficulty", "position", "data", "contentHash", "updatedAt")
      VALUES ('q1', 'b1', 'flashcard', 'Q', 'ecs', 1, 0, '{}', 'h', $1)`,
      [now],
    );
    await db.query(
      `INSERT INTO "StudyCard" ("id", "userId", "questionId", "phase", "due", "stability", "difficulty",
      "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "updatedAt")
      VALUES ('c1', 'u1', 'q1', 'new', $1, 0, 0, 0, 0, 0, 0, 0, $1)`,
      [now],
    );
    const review = `INSERT INTO "Review" ("id", "userId", "cardId", "questionId", "revision", "kind", "undoneReviewId",
      "grade", "stateBefore", "stateAfter", "clientTime", "serverTime") VALUES ($1, 'u1', 'c1', 'q1', 1, $2, $3, $4, '{}', '{}', $5, $5)`;
    await db.query(review, ["r1", "grade", null, "good", now]);
    await db.query(review, ["r2", "undo", "r1", null, now]);

    const refusal = /The review log is append-only/;
    await expect(db.query(`UPDATE "Review" SET "grade" = 'easy' WHERE "id" = 'r1'`)).rejects.toThrow(refusal);
    await expect(db.query(`UPDATE "Review" SET "durationMs" = "durationMs"`)).rejects.toThrow(refusal);
    // As on SQLite, an update cascaded from a changed id is an update too.
    await expect(db.query(`UPDATE "User" SET "id" = 'u2' WHERE "id" = 'u1'`)).rejects.toThrow(refusal);
    const kept = await db.query(`SELECT "grade" FROM "Review" WHERE "id" = 'r1'`);
    expect(kept.rows[0]?.grade).toBe("good");

    await db.query(`DELETE FROM "User" WHERE "id" = 'u1'`);
    const left = await db.query(`SELECT count(*)::int AS n FROM "Review"`);
    expect(left.rows[0]?.n).toBe(0);
  });
});
