// Fails when a schema and its migrations disagree: a schema change without its migration would pass
// locally and break every existing database. Checks both databases:
//  - SQLite: prisma/schema.prisma against prisma/migrations;
//  - PostgreSQL: prisma/postgres/schema.prisma is what scripts/postgres-schema.ts makes of
//    prisma/schema.prisma, and prisma/postgres/migrations reach it. This needs a PostgreSQL server:
//    a PostgreSQL DATABASE_URL's, else a throwaway cluster when Debian's postgresql is installed.
//    Without either the check is skipped with a line saying so, unless REQUIRE_POSTGRES=1 (CI).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scratchPostgres } from "./lib/pg-cluster";
import { migrateDiff, POSTGRES_MIGRATIONS } from "./lib/postgres-migrations";
import { generatePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./lib/postgres-schema";
import { baseEnv, bin, capture } from "./lib/run";

function checkSqlite(): boolean {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-migrations-"));
  const result = capture(
    bin("prisma"),
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      SQLITE_SCHEMA,
      "--exit-code",
    ],
    baseEnv({ DATABASE_URL: `file:${path.join(scratch, "check.db")}` }),
  );
  fs.rmSync(scratch, { recursive: true, force: true });
  if (result.code === 0) {
    console.log("✔ prisma/schema.prisma and prisma/migrations agree");
    return true;
  }
  if (result.code === 2) {
    console.error("✖ prisma/schema.prisma has changes that no migration creates:");
    console.error(result.stdout.trim());
    console.error("Create one with: npx prisma migrate diff --from-migrations prisma/migrations \\");
    console.error(
      "  --to-schema-datamodel prisma/schema.prisma --script > prisma/migrations/<timestamp>_<name>/migration.sql",
    );
    console.error("and the PostgreSQL one with: npx tsx scripts/postgres-migration.ts <name>");
    return false;
  }
  console.error("✖ Could not compare the SQLite schema with its migrations:");
  console.error(result.stdout, result.stderr);
  return false;
}

async function checkPostgres(): Promise<boolean> {
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (current !== generatePostgresSchema()) {
    console.error(
      `✖ ${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run \`npx tsx scripts/postgres-migration.ts <name>\` ` +
        "(it regenerates the schema and writes the PostgreSQL migration)",
    );
    return false;
  }
  console.log(`✔ ${POSTGRES_SCHEMA} is up to date with ${SQLITE_SCHEMA}`);
  const server = await scratchPostgres();
  if (server.url === null) {
    const line = `PostgreSQL check skipped: ${server.reason}`;
    if (process.env.REQUIRE_POSTGRES === "1") {
      console.error(`✖ ${line}, and REQUIRE_POSTGRES=1 requires it`);
      return false;
    }
    console.warn(`⚠ ${line}`);
    return true;
  }
  try {
    const result = migrateDiff(server.url, [
      "--from-migrations",
      POSTGRES_MIGRATIONS,
      "--to-schema-datamodel",
      POSTGRES_SCHEMA,
      "--exit-code",
    ]);
    if (result.code === 0) {
      console.log(`✔ ${POSTGRES_SCHEMA} and ${POSTGRES_MIGRATIONS} agree (on ${server.origin})`);
      return true;
    }
    if (result.code === 2) {
      console.error(`✖ ${POSTGRES_SCHEMA} has changes that no PostgreSQL migration creates:`);
      console.error(result.stdout.trim());
      console.error("Create it with: npx tsx scripts/postgres-migration.ts <name>");
      return false;
    }
    console.error("✖ Could not compare the PostgreSQL schema with its migrations:");
    console.error(result.stdout, result.stderr);
    return false;
  } finally {
    await server.stop();
  }
}

async function main() {
  const started = Date.now();
  const sqlite = checkSqlite();
  const postgres = await checkPostgres();
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(sqlite && postgres ? 0 : 1);
}

main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
