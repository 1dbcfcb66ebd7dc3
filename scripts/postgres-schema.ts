// Generates prisma/postgres/schema.prisma from prisma/schema.prisma (see scripts/lib/postgres-schema.ts).
//   tsx scripts/postgres-schema.ts           write it
//   tsx scripts/postgres-schema.ts --check   exit 1 when the committed file is out of date
import fs from "node:fs";
import path from "node:path";
import { generatePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./lib/postgres-schema";

function main() {
  const expected = generatePostgresSchema();
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current === expected) {
      console.log(`✔ ${POSTGRES_SCHEMA} is up to date with ${SQLITE_SCHEMA}`);
      return;
    }
    console.error(
      `✖ ${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run \`npx tsx scripts/postgres-schema.ts\``,
    );
    process.exit(1);
  }
  if (current === expected) {
    console.log(`✔ ${POSTGRES_SCHEMA} was already up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`✔ Wrote ${POSTGRES_SCHEMA}`);
}

main();
