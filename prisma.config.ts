import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl, ensureDatabaseFolder, isPostgresUrl } from "./lib/server/database-url";
import { postgresSchemaEngineAdapter } from "./scripts/lib/prisma-pg-adapter";

// Migrations run on Prisma's WebAssembly schema engine through a driver adapter (`engine: "js"`),
// so no schema-engine binary is ever downloaded. Prisma 7 drops this option; keep Prisma on 6.19.x
// (see docs/architecture.md).
//
// DATABASE_URL picks the database: `postgresql://` or `postgres://` → prisma/postgres/schema.prisma
// (generated from prisma/schema.prisma), prisma/postgres/migrations and the PostgreSQL adapter with
// the schema engine's workarounds (scripts/lib/prisma-pg-adapter.ts); anything else → SQLite.
const url = databaseUrl();
process.env.DATABASE_URL = url;
const isPostgres = isPostgresUrl(url);

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

// The schema engine replays each migration file on the shadow database with a single
// `executeRaw`, which better-sqlite3 refuses for multi-statement SQL ("contains more than
// one statement"). Routing argument-free scripts through `executeScript` lets
// `prisma migrate diff --from-migrations` (our schema-vs-migrations check) work offline.
function runScriptsWhole(adapter: Adapter): Adapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "executeRaw") {
        return async (query: Parameters<Adapter["executeRaw"]>[0]) => {
          if (query.args.length > 0) return target.executeRaw(query);
          await target.executeScript(query.sql);
          return 0;
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres
    ? path.join("prisma", "postgres", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  migrations: {
    path: isPostgres ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    if (isPostgres) return postgresSchemaEngineAdapter(url);
    ensureDatabaseFolder(url);
    const factory = new PrismaBetterSQLite3({ url });
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => factory.connect(),
      connectToShadowDb: async () => runScriptsWhole(await factory.connectToShadowDb()),
    };
  },
});
