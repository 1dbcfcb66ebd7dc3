// Fails when prisma/schema.prisma and prisma/migrations disagree: a schema change
// without its migration would pass locally and break every existing database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { baseEnv, bin, capture } from "./lib/run";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-migrations-"));
const result = capture(
  bin("prisma"),
  [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--exit-code",
  ],
  baseEnv({ DATABASE_URL: `file:${path.join(scratch, "check.db")}` }),
);
fs.rmSync(scratch, { recursive: true, force: true });
if (result.code === 0) {
  console.log("✔ prisma/schema.prisma and prisma/migrations agree");
  process.exit(0);
}
if (result.code === 2) {
  console.error("✖ prisma/schema.prisma has changes that no migration creates:");
  console.error(result.stdout.trim());
  console.error("Create one with: npx prisma migrate diff --from-migrations prisma/migrations \\");
  console.error(
    "  --to-schema-datamodel prisma/schema.prisma --script > prisma/migrations/<timestamp>_<name>/migration.sql",
  );
  process.exit(1);
}
console.error("✖ Could not compare the schema with the migrations:");
console.error(result.stdout, result.stderr);
process.exit(1);
