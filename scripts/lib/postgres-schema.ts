// prisma/postgres/schema.prisma is generated from prisma/schema.prisma, the one source of the
// model (CLI: scripts/postgres-schema.ts). The PostgreSQL schema differs only in the provider, the client's output folder, and a
// `@db.Timestamptz(3)` on every DateTime field: plain `pg` (the raw SQL of the hot paths) reads a
// `timestamp without time zone` in the process's own time zone, a `timestamptz` as the instant it is.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { baseEnv, bin, capture } from "./run";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

/**
 * A PostgreSQL URL for Prisma commands that read the PostgreSQL schema but never connect (format,
 * generate): prisma.config.ts then offers the PostgreSQL adapter, and Prisma, finding the adapter's
 * provider equal to the schema's, reads the engine type instead of fetching an engine binary.
 */
export const OFFLINE_POSTGRES_URL = "postgresql://localhost/taskdeck-offline";

const HEADER = [
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: do not edit by hand.",
  "// Change prisma/schema.prisma, then run `npx tsx scripts/postgres-schema.ts` and",
  "// `npx tsx scripts/postgres-migration.ts <name>` (see docs/architecture.md, PostgreSQL).",
  "",
].join("\n");

/**
 * The PostgreSQL schema text for a SQLite schema text (before `prisma format` aligns it).
 * Throws when a line it must change is missing, so a reshaped source schema fails loudly.
 */
export function toPostgresSchema(source: string): string {
  let provider = 0;
  let output = 0;
  const lines = source.split("\n").map((line) => {
    if (/^\s*provider\s*=\s*"sqlite"\s*$/.test(line)) {
      provider++;
      return line.replace('"sqlite"', '"postgresql"');
    }
    if (/^\s*output\s*=\s*"\.\.\/lib\/generated\/prisma"\s*$/.test(line)) {
      output++;
      return line.replace('"../lib/generated/prisma"', '"../../lib/generated/prisma-postgres"');
    }
    // A model field: `name DateTime` or `name DateTime?`, then attributes and comments.
    const field = /^(\s+\w+\s+DateTime\??)(\s.*)?$/.exec(line);
    if (field && !line.includes("@db.")) {
      const rest = field[2] ?? "";
      const comment = rest.indexOf("//");
      const attributes = (comment >= 0 ? rest.slice(0, comment) : rest).trim();
      const trailing = comment >= 0 ? ` ${rest.slice(comment)}` : "";
      return `${field[1]} ${[attributes, "@db.Timestamptz(3)"].filter(Boolean).join(" ")}${trailing}`;
    }
    return line;
  });
  if (provider !== 1 || output !== 1) {
    throw new Error(
      `${SQLITE_SCHEMA} must have one \`provider = "sqlite"\` and one \`output = "../lib/generated/prisma"\` line ` +
        `(found ${provider} and ${output}); update scripts/postgres-schema.ts if they moved`,
    );
  }
  return HEADER + lines.join("\n");
}

/** The formatted PostgreSQL schema for the current prisma/schema.prisma. */
export function generatePostgresSchema(root: string = process.cwd()): string {
  const text = toPostgresSchema(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-pg-schema-"));
  try {
    const file = path.join(scratch, "schema.prisma");
    fs.writeFileSync(file, text);
    // prisma format aligns the columns the added attribute shifted (WebAssembly, no download).
    const result = capture(
      bin("prisma"),
      ["format", "--schema", file],
      baseEnv({ DATABASE_URL: OFFLINE_POSTGRES_URL }),
    );
    if (result.code !== 0) throw new Error(`prisma format failed:\n${result.stdout}${result.stderr}`);
    return fs.readFileSync(file, "utf8");
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
