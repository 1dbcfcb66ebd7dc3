import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgCluster, postgresUnavailableReason, startPostgres } from "./pg-cluster";
import { postgresSchemaEngineAdapter, reportCatalogColumnsAsText } from "./prisma-pg-adapter";

// Each workaround is checked twice: the plain adapter still has the defect (so the workaround is
// still needed, and this test notices the day an upgrade fixes it), and the wrapped one does not.

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL adapter tests skipped: ${unavailable}`);

const query = (sql: string) => ({ sql, args: [], argTypes: [] });
const TRIGGER_SCRIPT = `
  CREATE TABLE "T" ("id" TEXT PRIMARY KEY);
  CREATE FUNCTION "t_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'refused; really';
  END;
  $$;
  CREATE TRIGGER "t_refuse" BEFORE UPDATE ON "T" FOR EACH ROW EXECUTE FUNCTION "t_refuse"();
`;

async function databases(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT datname FROM pg_database")).rows.map((row) => row.datname as string);
  } finally {
    await client.end();
  }
}

describe("reportCatalogColumnsAsText", () => {
  it('rewrites name and "char" columns to text, in one result or several', () => {
    const one = { fields: [{ dataTypeID: 19 }, { dataTypeID: 18 }, { dataTypeID: 23 }] };
    expect(reportCatalogColumnsAsText(one).fields.map((f) => f.dataTypeID)).toEqual([25, 25, 23]);
    const many = [{ fields: [{ dataTypeID: 19 }] }, { fields: [] }, null];
    expect(reportCatalogColumnsAsText(many)[0]?.fields?.[0]?.dataTypeID).toBe(25);
  });
});

describe.skipIf(unavailable)("the schema engine's PostgreSQL adapter", () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('reads catalog name and "char" columns (workaround 1)', async () => {
    const sql = "SELECT typname, typtype FROM pg_type WHERE typname = 'int4'";
    const plain = await new PrismaPg({ connectionString: cluster.url }).connect();
    try {
      await expect(plain.queryRaw(query(sql))).rejects.toThrow();
    } finally {
      await plain.dispose();
    }
    const wrapped = await postgresSchemaEngineAdapter(cluster.url).connect();
    try {
      const result = await wrapped.queryRaw(query(sql));
      expect(result.rows).toEqual([["int4", "b"]]);
      const tx = await wrapped.startTransaction();
      expect((await tx.queryRaw(query(sql))).rows).toEqual([["int4", "b"]]);
      await tx.rollback();
    } finally {
      await wrapped.dispose();
    }
  });

  it("makes the shadow database a database of its own and drops it afterwards (workaround 2)", async () => {
    const before = await databases(cluster.adminUrl);
    const shadow = await postgresSchemaEngineAdapter(cluster.url, {}).connectToShadowDb();
    let name: string;
    try {
      name = String((await shadow.queryRaw(query("SELECT current_database()::text"))).rows[0]?.[0]);
      expect(name).toMatch(/^prisma_migrate_shadow_db_/);
      await shadow.executeScript('CREATE TABLE "OnlyInShadow" ("id" INT)');
    } finally {
      await shadow.dispose();
    }
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const tables = await client.query(
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'OnlyInShadow'",
      );
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
    expect(await databases(cluster.adminUrl)).toEqual(before);
  });

  it("uses SHADOW_DATABASE_URL when given, emptied first, and refuses the main database as shadow", async () => {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE "given_shadow"');
    await admin.end();
    const shadowUrl = cluster.url.replace(/\/taskdeck$/, "/given_shadow");
    const first = await postgresSchemaEngineAdapter(cluster.url, {
      SHADOW_DATABASE_URL: shadowUrl,
    }).connectToShadowDb();
    await first.executeScript('CREATE TABLE "Leftover" ("id" INT)');
    await first.dispose();
    const second = await postgresSchemaEngineAdapter(cluster.url, {
      SHADOW_DATABASE_URL: shadowUrl,
    }).connectToShadowDb();
    try {
      const left = await second.queryRaw(
        query("SELECT count(*)::int FROM pg_tables WHERE tablename = 'Leftover'"),
      );
      expect(left.rows[0]?.[0]).toBe(0);
    } finally {
      await second.dispose();
    }
    await expect(
      postgresSchemaEngineAdapter(cluster.url, { SHADOW_DATABASE_URL: cluster.url }).connectToShadowDb(),
    ).rejects.toThrow(/same database/);
  });

  it("runs a script with a dollar-quoted PL/pgSQL body whole (workaround 3)", async () => {
    const plain = await new PrismaPg({ connectionString: cluster.url }).connect();
    try {
      await expect(plain.executeScript(TRIGGER_SCRIPT)).rejects.toThrow();
      await plain.executeScript('DROP TABLE IF EXISTS "T"');
    } finally {
      await plain.dispose();
    }
    const wrapped = await postgresSchemaEngineAdapter(cluster.url).connect();
    try {
      await wrapped.executeScript(TRIGGER_SCRIPT);
      await wrapped.executeRaw(query(`INSERT INTO "T" VALUES ('a')`));
      await expect(wrapped.executeRaw(query(`UPDATE "T" SET "id" = 'b'`))).rejects.toThrow(/refused; really/);
      // A failing statement still fails the script, mapped like any driver error.
      await expect(wrapped.executeScript("SELECT 1; SELECT nope")).rejects.toThrow(/ColumnNotFound/);
    } finally {
      await wrapped.dispose();
    }
  });
});
