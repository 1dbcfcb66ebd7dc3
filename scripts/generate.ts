// `npm run generate` (also postinstall, typecheck and npm test): both Prisma clients, so one build
// serves either database and the app picks one by DATABASE_URL at run time:
//   prisma/schema.prisma          → lib/generated/prisma           (SQLite)
//   prisma/postgres/schema.prisma → lib/generated/prisma-postgres  (PostgreSQL)
// Each runs with a DATABASE_URL of its own kind whatever the environment says: prisma.config.ts
// offers the adapter of the URL's kind, and Prisma, finding its provider unequal to the schema's,
// would try to download a query engine (offline: a failed install).

import { DEFAULT_DATABASE_URL } from "@/lib/server/database-url";
import { OFFLINE_POSTGRES_URL, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./lib/postgres-schema";
import { baseEnv, bin, run } from "./lib/run";

async function main() {
  for (const [schema, url] of [
    [SQLITE_SCHEMA, DEFAULT_DATABASE_URL],
    [POSTGRES_SCHEMA, OFFLINE_POSTGRES_URL],
  ] as const) {
    const code = await run(bin("prisma"), ["generate", "--schema", schema], baseEnv({ DATABASE_URL: url }));
    if (code !== 0) process.exit(code);
  }
}

void main();
