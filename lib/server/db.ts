import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, ensureDatabaseFolder } from "./database-url";

// The one Prisma client. All raw SQL in Taskdeck lives in this file, so that
// moving a deployment to PostgreSQL touches one place.

/** Pragmas every connection gets: concurrent readers, bounded waits, enforced relations. */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
] as const;

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock: `await acquire()` resolves to the function that releases it. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
}

/**
 * The better-sqlite3 adapter shares one connection between every request and only locks it
 * for transactions. A plain query issued while another request's interactive transaction is
 * open would run inside that transaction: it would read uncommitted rows, and its write,
 * already acknowledged, would vanish if that transaction rolled back. Every statement
 * therefore takes the same lock as a transaction, so each runs alone on the connection.
 */
export function serializeConnection(adapter: Adapter): Adapter {
  const acquire = createLock();
  const locked =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await acquire();
      try {
        return await run(...args);
      } finally {
        release();
      }
    };
  const queryRaw = locked(adapter.queryRaw.bind(adapter));
  const executeRaw = locked(adapter.executeRaw.bind(adapter));
  const executeScript = locked(adapter.executeScript.bind(adapter));
  async function startTransaction(
    ...args: Parameters<Adapter["startTransaction"]>
  ): Promise<AdapterTransaction> {
    const release = await acquire();
    try {
      const tx = await adapter.startTransaction(...args);
      let isSettled = false;
      const finish = (end: () => Promise<void>) => async () => {
        if (isSettled) return;
        isSettled = true;
        try {
          await end();
        } finally {
          release();
        }
      };
      // When COMMIT itself fails (a full disk, a deferred constraint), Prisma neither commits nor
      // rolls back, so the adapter's lock and ours were never released and every later query hung.
      // Roll back, release both locks, and let the error reach the caller.
      const statement =
        <A extends [{ sql: string }], R>(run: (...a: A) => Promise<R>) =>
        async (...a: A): Promise<R> => {
          try {
            return await run(...a);
          } catch (error) {
            if (/^\s*COMMIT\b/i.test(a[0].sql)) {
              await run(...([{ ...a[0], sql: "ROLLBACK", args: [], argTypes: [] }] as unknown as A)).catch(
                () => undefined,
              );
              await finish(tx.rollback.bind(tx))();
            }
            throw error;
          }
        };
      const executeRawInTx = statement(tx.executeRaw.bind(tx));
      const queryRawInTx = statement(tx.queryRaw.bind(tx));
      return new Proxy(tx, {
        get(target, property) {
          if (property === "commit") return finish(target.commit.bind(target));
          if (property === "rollback") return finish(target.rollback.bind(target));
          if (property === "executeRaw") return executeRawInTx;
          if (property === "queryRaw") return queryRawInTx;
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    } catch (error) {
      release();
      throw error;
    }
  }
  return new Proxy(adapter, {
    get(target, property) {
      switch (property) {
        case "queryRaw":
          return queryRaw;
        case "executeRaw":
          return executeRaw;
        case "executeScript":
          return executeScript;
        case "startTransaction":
          return startTransaction;
        default: {
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}

/** Builds a Prisma client for a SQLite file with Taskdeck's pragmas and connection lock. */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  ensureDatabaseFolder(url);
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const adapter = {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(`${SQLITE_PRAGMAS.join(";\n")};`);
      return serializeConnection(connection);
    },
  };
  // Transactions queue behind the connection lock; under load the default 2 s wait for
  // a turn is too short, while each transaction itself stays brief.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 10_000 } });
}

const globalForPrisma = globalThis as unknown as { taskdeckPrisma?: PrismaClient };

/** The process-wide client (cached on globalThis so development reloads reuse it). */
export const prisma: PrismaClient = globalForPrisma.taskdeckPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.taskdeckPrisma = prisma;

/** What the health check reports about the database. */
export type DatabaseStatus = { reachable: boolean; migrationsApplied: number; migrationsPending: boolean };

/**
 * Reads the migration table directly: the health check must work even when the schema is behind.
 * `expected` is the number of migration folders shipped with this build.
 */
export async function databaseStatus(client: PrismaClient, expected: number): Promise<DatabaseStatus> {
  try {
    const rows = await client.$queryRawUnsafe<Array<{ applied: bigint | number }>>(
      "SELECT COUNT(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = Number(rows[0]?.applied ?? 0);
    return { reachable: true, migrationsApplied: applied, migrationsPending: applied < expected };
  } catch {
    return { reachable: false, migrationsApplied: 0, migrationsPending: true };
  }
}
