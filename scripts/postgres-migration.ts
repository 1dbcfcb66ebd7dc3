// Makes the PostgreSQL migration for a change to prisma/schema.prisma. After writing the SQLite
// migration as usual:
//   npx tsx scripts/postgres-migration.ts <name>      regenerate prisma/postgres/schema.prisma, then
//       write prisma/postgres/migrations/<timestamp>_<name>/migration.sql: what the PostgreSQL
//       migrations lack to reach the schema (`prisma migrate diff --from-migrations …`, replayed in a
//       shadow database). Nothing is written when nothing changed.
//   npx tsx scripts/postgres-migration.ts --rebaseline regenerate the one baseline migration from
//       empty instead, keeping its hand-written part. Only while no PostgreSQL database has been
//       deployed: a database that applied the old baseline would not get the new one.
// It compares on the server of a PostgreSQL DATABASE_URL (in a shadow database it creates and
// drops), else on a throwaway cluster (Debian's postgresql). Hand-written SQL (triggers, as the SQLite
// migrations have) is not in the schema: add it to the new migration.sql by hand.
import fs from "node:fs";
import path from "node:path";
import { scratchPostgres } from "./lib/pg-cluster";
import {
  HAND_WRITTEN_MARKER,
  isEmptyMigration,
  migrateDiff,
  migrationFolders,
  nextMigrationName,
  POSTGRES_MIGRATIONS,
} from "./lib/postgres-migrations";
import { generatePostgresSchema, POSTGRES_SCHEMA } from "./lib/postgres-schema";

const USAGE = "Usage: npx tsx scripts/postgres-migration.ts <name>   |   --rebaseline";

async function main() {
  const argument = process.argv[2];
  if (!argument || argument === "--help") {
    console.error(USAGE);
    process.exit(2);
  }
  const rebaseline = argument === "--rebaseline";
  const existing = migrationFolders();
  if (rebaseline && existing.length !== 1) {
    console.error(
      `✖ --rebaseline needs exactly one migration in ${POSTGRES_MIGRATIONS} (found ${existing.length}); ` +
        "make a new migration with a name instead",
    );
    process.exit(1);
  }
  const name = rebaseline ? "" : nextMigrationName(argument, existing, new Date());

  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, generatePostgresSchema());
  console.log(`▸ Regenerated ${POSTGRES_SCHEMA}`);

  const server = await scratchPostgres();
  if (server.url === null) {
    console.error(`✖ No PostgreSQL to compare on: ${server.reason}`);
    process.exit(1);
  }
  console.log(`▸ Comparing on ${server.origin}`);
  try {
    const to = ["--to-schema-datamodel", POSTGRES_SCHEMA];
    const from = rebaseline ? ["--from-empty"] : ["--from-migrations", POSTGRES_MIGRATIONS];
    const diff = migrateDiff(server.url, [...from, ...to, "--script"]);
    if (diff.code !== 0) throw new Error(`prisma migrate diff failed:\n${diff.stdout}${diff.stderr}`);
    if (rebaseline) {
      const file = path.join(POSTGRES_MIGRATIONS, existing[0] as string, "migration.sql");
      const current = fs.readFileSync(file, "utf8");
      const at = current.indexOf(HAND_WRITTEN_MARKER);
      const handWritten = at >= 0 ? current.slice(at) : `${HAND_WRITTEN_MARKER}\n`;
      fs.writeFileSync(file, `${diff.stdout.trimEnd()}\n\n${handWritten}`);
      console.log(`✔ Regenerated ${file} (its hand-written part kept)`);
    } else if (isEmptyMigration(diff.stdout)) {
      console.log("✔ The PostgreSQL migrations already match the schema: nothing to write");
      return;
    } else {
      const folder = path.join(POSTGRES_MIGRATIONS, name);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
      console.log(`✔ Wrote ${path.join(folder, "migration.sql")}: review it, add any hand-written SQL`);
    }
    const check = migrateDiff(server.url, ["--from-migrations", POSTGRES_MIGRATIONS, ...to, "--exit-code"]);
    if (check.code !== 0) {
      throw new Error(
        `the migrations still differ from the schema (exit ${check.code}):\n${check.stdout}${check.stderr}`,
      );
    }
    console.log("✔ prisma/postgres/migrations now agree with the schema");
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
