// The PostgreSQL driver adapter as prisma.config.ts hands it to Prisma's WebAssembly schema engine
// (migrate deploy/diff/status, db push). @prisma/adapter-pg 6.19 serves the app's queries as it is,
// but three of its defects break the schema engine (measured: /work/shared/POSTGRES.md, and the
// tests in prisma-pg-adapter.test.ts). Each is worked around here, for the CLI only:
//  1. Catalog column types: the adapter cannot map OID 19 (`name`) or 18 (`"char"`) and the engine
//     reads pg_catalog through it ("Column type 'name' could not be deserialized"). Every pooled
//     connection reports those columns as text (OID 25); node-postgres returns them as strings anyway.
//  2. The shadow database is the main one: the adapter creates a shadow database, then connects with
//     `{ ...config, database }`, which node-postgres ignores beside a connectionString, so
//     `migrate diff --from-migrations` would build tables in the real database. Here the shadow is
//     reached by rewriting the URL's database name (or is SHADOW_DATABASE_URL), and dropped after.
//  3. Scripts are split on every `;`, which cuts PL/pgSQL bodies (`unterminated dollar-quoted
//     string`). Here a script runs whole, as one multi-statement simple query.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseName, quoteIdentifier, withDatabaseName } from "./postgres-url";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

const OID_CHAR = 18;
const OID_NAME = 19;
const OID_TEXT = 25;

type FieldsResult = { fields?: Array<{ dataTypeID: number }> };

/** Reports `name` and `"char"` columns of a result (or of each result of a multi-statement query) as text. */
export function reportCatalogColumnsAsText<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as FieldsResult | null)?.fields ?? []) {
      if (field.dataTypeID === OID_NAME || field.dataTypeID === OID_CHAR) field.dataTypeID = OID_TEXT;
    }
  }
  return result;
}

/** A pool whose every connection applies reportCatalogColumnsAsText to what it returns (workaround 1). */
export function catalogTextPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const patched = (...args: unknown[]): unknown => {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        const callback = last as (error: unknown, result: unknown) => void;
        return query(...args.slice(0, -1), (error: unknown, result: unknown) =>
          callback(error, error ? result : reportCatalogColumnsAsText(result)),
        );
      }
      const returned = query(...args);
      return returned instanceof Promise ? returned.then(reportCatalogColumnsAsText) : returned;
    };
    client.query = patched as typeof client.query;
  });
  return pool;
}

/** Runs a script as one multi-statement simple query instead of splitting it on `;` (workaround 3). */
function runScriptsWhole(adapter: Adapter): Adapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "executeScript") {
        // No arguments, so node-postgres sends the simple-query protocol, which takes many statements.
        return async (script: string) => {
          await target.executeRaw({ sql: script, args: [], argTypes: [] });
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function connect(url: string): Promise<Adapter> {
  const factory = new PrismaPg(catalogTextPool(url), { disposeExternalPool: true });
  return runScriptsWhole(await factory.connect());
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Replaces an adapter's dispose(), running `after` once the adapter's own pool has closed. */
function onDispose(adapter: Adapter, after: () => Promise<void>): Adapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "dispose") {
        return async () => {
          try {
            await target.dispose();
          } finally {
            await after();
          }
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The shadow database for `migrate diff --from-migrations` and `migrate dev` (workaround 2).
 * With SHADOW_DATABASE_URL (a database the role may empty, e.g. when it may not CREATE DATABASE):
 * its `public` schema is emptied before use, as Prisma does with a shadow database. Otherwise a
 * database `prisma_migrate_shadow_db_<uuid>` is created beside the main one and dropped afterwards.
 */
async function connectToShadow(url: string, shadowUrl: string | undefined): Promise<Adapter> {
  if (shadowUrl) {
    if (databaseName(shadowUrl) === databaseName(url) && new URL(shadowUrl).host === new URL(url).host) {
      throw new Error("SHADOW_DATABASE_URL names the same database as DATABASE_URL: it would be emptied");
    }
    await withClient(shadowUrl, (client) =>
      client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"),
    );
    return connect(shadowUrl);
  }
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const drop = () =>
    withClient(url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    });
  try {
    return onDispose(await connect(withDatabaseName(url, name)), drop);
  } catch (error) {
    await drop();
    throw error;
  }
}

/** The migration-aware adapter factory prisma.config.ts returns for a PostgreSQL DATABASE_URL. */
export function postgresSchemaEngineAdapter(
  url: string,
  env: Record<string, string | undefined> = process.env,
) {
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    connectToShadowDb: () => connectToShadow(url, env.SHADOW_DATABASE_URL?.trim() || undefined),
  };
}
