import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePath, ensureDatabaseFolder } from "../../database-url";
import { DatabaseBusyError, isBusy } from "../errors";
import { type Checkpointer, type CheckpointOptions, startCheckpointer } from "./checkpoint";

// The SQLite side of the storage layer: one Prisma client over the better-sqlite3 adapter, and
// beside it a second connection of our own for the hot paths' prepared statements (sqlite/store.ts).
// In one process both take the same first-come lock, so each statement or transaction runs alone
// and no request's event loop turn waits on another's SQLite lock. Other processes (a backup, a
// sync, a second server) are met with a short synchronous wait and then asynchronous retries, so a
// held lock never stalls the event loop for more than `SQLITE_BUSY_WAIT_MS` at a time.

/** How long SQLite itself may wait (synchronously, blocking the event loop) for another connection's lock. */
export const SQLITE_BUSY_WAIT_MS = 40;

/** How long, in all, a statement keeps retrying a busy database before it answers "busy". */
export const BUSY_RETRY_TOTAL_MS = 3000;

/**
 * Pragmas every connection gets: concurrent readers, a short synchronous wait for a lock (longer
 * waits are asynchronous retries, below), enforced relations, and a 64 MiB page cache (SQLite's
 * default is 2 MiB: with a million reviews, every grading's index lookups went back to the
 * operating system for pages the last grading had just read).
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  `PRAGMA busy_timeout = ${SQLITE_BUSY_WAIT_MS}`,
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA cache_size = -65536",
] as const;

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again while the database is busy (another process holds its lock), waiting
 * between tries on a timer, never on the event loop, for at most `totalMs`; then throws
 * `DatabaseBusyError`, which every write path answers with 503 "NOT saved, try again".
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  totalMs = BUSY_RETRY_TOTAL_MS,
): Promise<T> {
  const started = Date.now();
  let delay = 5;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() - started + delay > totalMs)
        throw new DatabaseBusyError(`The database stayed busy for ${totalMs} ms`);
      await sleep(delay);
      delay = Math.min(delay * 2, 100);
    }
  }
}

/** A write that changes nothing, to take SQLite's write lock at the start of a transaction. */
const TAKE_WRITE_LOCK = { sql: `UPDATE "SyncRun" SET "id" = "id" WHERE "id" = -1`, args: [], argTypes: [] };

/** A first-come, first-served lock: `await acquire()` resolves to the function that releases it. */
export function createLock() {
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
 * therefore takes the same lock as a transaction, so each runs alone on the connection. A
 * statement that meets another process's lock is retried (lock released in between).
 */
export function serializeConnection(adapter: Adapter, acquire = createLock()): Adapter {
  const locked =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      retryWhileBusy(async () => {
        const release = await acquire();
        try {
          return await run(...args);
        } finally {
          release();
        }
      });
  const queryRaw = locked(adapter.queryRaw.bind(adapter));
  const executeRaw = locked(adapter.executeRaw.bind(adapter));
  const executeScript = locked(adapter.executeScript.bind(adapter));
  async function startTransaction(
    ...args: Parameters<Adapter["startTransaction"]>
  ): Promise<AdapterTransaction> {
    const release = await acquire();
    try {
      const tx = await adapter.startTransaction(...args);
      // The adapter begins DEFERRED: a transaction that read first and then wrote would meet a
      // commit by another process as SQLITE_BUSY_SNAPSHOT, which no retry can cure. A write that
      // matches no row, first, takes the write lock at once (waiting, retried, like any statement).
      await retryWhileBusy(() => tx.executeRaw(TAKE_WRITE_LOCK)).catch(async (error) => {
        await tx.rollback().catch(() => undefined);
        throw error;
      });
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
      // Roll back, release both locks, and let the error reach the caller. A statement that meets
      // another process's lock is retried inside the transaction (this request holds our lock).
      const statement =
        <A extends [{ sql: string }], R>(run: (...a: A) => Promise<R>) =>
        async (...a: A): Promise<R> => {
          try {
            return await retryWhileBusy(() => run(...a));
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

/** Prepared statements on the hot-path connection, for `onConnection`'s work. */
export type Sql = {
  get<T>(sql: string, ...args: unknown[]): T | undefined;
  all<T>(sql: string, ...args: unknown[]): T[];
  run(sql: string, ...args: unknown[]): number;
  /** Runs `work` in BEGIN IMMEDIATE … COMMIT; a throw, or a failed COMMIT, rolls everything back. */
  transaction<T>(work: () => T): T;
};

/** A SQLite database as Taskdeck opens it: the Prisma client and the hot paths' connection. */
export type SqliteLink = {
  file: string;
  acquire: () => Promise<() => void>;
  /**
   * Runs `work` alone on the hot-path connection, retrying while another process holds the lock
   * (`once`: a single try, for the health check's probe, which must answer at once).
   */
  onConnection<T>(work: (sql: Sql) => T, options?: { once?: boolean }): Promise<T>;
  /** The background checkpointer once it started (tests); undefined when there is none. */
  checkpointer(): Checkpointer | undefined;
  close(): void;
};

/** SQLite's own threshold for checkpointing on commit, in pages. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Opens a SQLite file for Taskdeck: a Prisma client with the pragmas and the connection lock, and
 * the hot paths' own connection sharing that lock. `backgroundCheckpoints` moves WAL checkpoints
 * to a worker thread (./checkpoint.ts): the server's own client does; scripts and tests keep
 * SQLite's checkpoint on commit.
 */
export function openSqlite(
  url: string,
  options: { backgroundCheckpoints?: boolean | CheckpointOptions } = {},
): { client: PrismaClient; link: SqliteLink } {
  ensureDatabaseFolder(url);
  const file = databasePath(url);
  const acquire = createLock();
  const background = Boolean(options.backgroundCheckpoints) && file !== ":memory:";
  let checkpointer: Checkpointer | undefined;
  let fallenBack = false;
  let hot: Database.Database | undefined;
  let statements = new Map<string, Database.Statement>();
  const hotConnections = () => {
    if (!hot?.open) {
      hot = new Database(file, { timeout: SQLITE_BUSY_WAIT_MS });
      for (const pragma of SQLITE_PRAGMAS) hot.exec(pragma);
      if (background && !fallenBack) hot.pragma("wal_autocheckpoint = 0");
      statements = new Map();
    }
    return hot;
  };
  let adapterConnection: Adapter | undefined;
  const fallBack = (reason: string) => {
    if (fallenBack) return;
    fallenBack = true;
    console.error(`Taskdeck: background WAL checkpoints stopped (${reason}); checkpointing on commit again.`);
    if (hot?.open) hot.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    void adapterConnection
      ?.executeScript(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES};`)
      .catch(() => undefined);
    void checkpointer?.stop();
  };

  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_WAIT_MS });
  const adapter = {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(`${SQLITE_PRAGMAS.join(";\n")};`);
      if (background && !fallenBack) await connection.executeScript("PRAGMA wal_autocheckpoint = 0;");
      adapterConnection = connection;
      const serialized = serializeConnection(connection, acquire);
      if (!background) return serialized;
      checkpointer ??= startCheckpointer(
        path.resolve(file),
        acquire,
        fallBack,
        typeof options.backgroundCheckpoints === "object" ? options.backgroundCheckpoints : {},
      );
      return new Proxy(serialized, {
        get(target, property) {
          if (property === "dispose")
            return async () => {
              fallenBack = true;
              await checkpointer?.stop();
              await target.dispose();
            };
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
  };
  // Transactions queue behind the connection lock; under load the default 2 s wait for
  // a turn is too short, while each transaction itself stays brief.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 10_000 } });

  const link: SqliteLink = {
    file,
    acquire,
    onConnection<T>(work: (sql: Sql) => T, { once = false } = {}): Promise<T> {
      const attempt = async () => {
        const release = await acquire();
        try {
          const database = hotConnections();
          const statement = (text: string) => {
            let prepared = statements.get(text);
            if (!prepared) {
              prepared = database.prepare(text);
              statements.set(text, prepared);
            }
            return prepared;
          };
          return work({
            get: <R>(text: string, ...args: unknown[]) => statement(text).get(...args) as R | undefined,
            all: <R>(text: string, ...args: unknown[]) => statement(text).all(...args) as R[],
            run: (text, ...args) => statement(text).run(...args).changes,
            transaction: (inner) => database.transaction(inner).immediate(),
          });
        } finally {
          release();
        }
      };
      return once ? attempt() : retryWhileBusy(attempt);
    },
    checkpointer: () => checkpointer,
    close() {
      if (hot?.open) hot.close();
    },
  };
  return { client, link };
}

/** A DateTime as Prisma's SQLite adapter stores it ("2026-11-27T18:00:00.000+00:00"): text that sorts in time order. */
export const storedDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A stored DateTime read back (ISO text, SQLite's "YYYY-MM-DD HH:MM:SS" in UTC, or epoch ms). */
export function readDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text,
  );
}
