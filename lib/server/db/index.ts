import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseDialect, databaseUrl } from "../database-url";
import { openPostgres } from "./postgres/client";
import { createPostgresStore } from "./postgres/store";
import type { Checkpointer, CheckpointOptions } from "./sqlite/checkpoint";
import { openSqlite, type Sql, type SqliteLink } from "./sqlite/client";
import { createSqliteStore } from "./sqlite/store";
import type { Store } from "./store";

// Taskdeck's storage layer: the only code that knows which database it speaks to. `DATABASE_URL`
// chooses it: `file:…` (the default) is SQLite, `postgresql://…` is PostgreSQL. Everything outside
// this folder uses the Prisma client (typed against the SQLite schema, whose PostgreSQL twin is a
// superset) and, for the hot paths, the `Store` of that client.

export {
  classifyDatabaseError,
  DatabaseBusyError,
  isBusy,
  isStorageUnavailable,
  isUniqueViolation,
} from "./errors";
export type * from "./store";

type Opened = { store: Store; sqlite?: SqliteLink; close: () => Promise<void> };
const opened = new WeakMap<PrismaClient, Opened>();

/**
 * Opens a database: a Prisma client, with its hot-path store registered beside it. On SQLite,
 * `backgroundCheckpoints` moves WAL checkpoints to a worker thread (the server's own client does;
 * scripts and tests keep SQLite's checkpoint on commit); PostgreSQL ignores it.
 */
export function createPrismaClient(
  url: string = databaseUrl(),
  options: { backgroundCheckpoints?: boolean | CheckpointOptions } = {},
): PrismaClient {
  if (databaseDialect(url) === "postgres") {
    const { client, pool, health } = openPostgres(url);
    opened.set(client, {
      store: createPostgresStore(pool, health),
      close: async () => {
        await client.$disconnect();
        await health.end();
      },
    });
    return client;
  }
  const { client, link } = openSqlite(url, options);
  opened.set(client, {
    store: createSqliteStore(client, link),
    sqlite: link,
    close: async () => {
      await client.$disconnect();
      link.close();
    },
  });
  return client;
}

function openedOf(client: PrismaClient): Opened {
  const found = opened.get(client);
  if (!found) throw new Error("This Prisma client was not made by createPrismaClient");
  return found;
}

/** The hot paths of a client made by `createPrismaClient`. */
export const storeOf = (client: PrismaClient): Store => openedOf(client).store;

/**
 * A `contains` filter that ignores case on both databases. Prisma's `contains` is SQLite's LIKE,
 * which ignores (ASCII) case, but PostgreSQL's LIKE, which does not; `mode: "insensitive"` (ILIKE)
 * exists only in the PostgreSQL client, so the SQLite-typed one cannot say it.
 */
export function containsIgnoringCase(client: PrismaClient, value: string): { contains: string } {
  return storeOf(client).dialect === "postgres"
    ? ({ contains: value, mode: "insensitive" } as { contains: string })
    : { contains: value };
}

/** Closes a client and everything opened beside it (the hot-path connection, the pool). */
export const closeDatabase = (client: PrismaClient): Promise<void> => openedOf(client).close();

/** The SQLite link of a client (tests of the SQLite machinery); undefined on PostgreSQL. */
export const sqliteLinkOf = (client: PrismaClient): SqliteLink | undefined => openedOf(client).sqlite;

/** A SQLite client's background checkpointer once it has started (tests); undefined when it has none. */
export async function backgroundCheckpointer(client: PrismaClient): Promise<Checkpointer | undefined> {
  await client.$queryRawUnsafe("SELECT 1");
  const checkpointer = sqliteLinkOf(client)?.checkpointer();
  await checkpointer?.ready;
  return checkpointer;
}

const globalForPrisma = globalThis as unknown as { taskdeckPrisma?: PrismaClient };

/** The process-wide client (cached on globalThis so development reloads reuse it). */
export const prisma: PrismaClient =
  globalForPrisma.taskdeckPrisma ?? createPrismaClient(databaseUrl(), { backgroundCheckpoints: true });
if (process.env.NODE_ENV !== "production") globalForPrisma.taskdeckPrisma = prisma;

/** Runs `work` on a SQLite client's hot-path connection (tests of the SQLite machinery). */
export function onSqliteConnection<T>(client: PrismaClient, work: (sql: Sql) => T): Promise<T> {
  const link = sqliteLinkOf(client);
  if (!link) throw new Error("onSqliteConnection needs a SQLite client");
  return link.onConnection(work);
}
