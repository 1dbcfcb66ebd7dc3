import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgres/client";

// The PostgreSQL side of the storage layer. Taskdeck opens one node-postgres pool per process and
// hands it to Prisma's PostgreSQL adapter; the hot paths (./store.ts) run their prepared statements
// on the same pool, so nothing reads the adapter's private fields. The app process keeps no other
// state: any number of processes can share one database.

/** Connections per app process; the database's max_connections bounds the sum over processes. */
const DEFAULT_POOL_SIZE = 10;

/** How long a statement waits for another transaction's row lock before it answers "busy". */
export const POSTGRES_LOCK_TIMEOUT_MS = 3000;

/** Opens a PostgreSQL database for Taskdeck: the Prisma client and the pool under it. */
export function openPostgres(url: string, env: Record<string, string | undefined> = process.env) {
  const size = Number(env.DATABASE_POOL_SIZE);
  const pool = new pg.Pool({
    connectionString: url,
    max: Number.isInteger(size) && size > 0 ? size : DEFAULT_POOL_SIZE,
    lock_timeout: POSTGRES_LOCK_TIMEOUT_MS,
    // A transaction left open by a crashed request must not hold its locks for ever.
    idle_in_transaction_session_timeout: 60_000,
    application_name: "taskdeck",
  });
  // An idle connection that the server closes (a restart, a failover) must not end the process:
  // the pool replaces it, and the next query reports the outage as "unavailable".
  pool.on("error", (error) => console.error("Taskdeck: a PostgreSQL connection failed", error.message));
  // One more connection, for the health check alone (./store.ts).
  const health = new pg.Pool({
    connectionString: url,
    max: 1,
    lock_timeout: POSTGRES_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 60_000,
    application_name: "taskdeck-health",
  });
  health.on("error", (error) => console.error("Taskdeck: a PostgreSQL connection failed", error.message));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // The client is generated from prisma/postgres/schema.prisma, which is generated from the SQLite
  // schema: its types are a superset of the SQLite client's, so the app is typed against that one.
  const client = new PostgresPrismaClient({
    adapter,
    transactionOptions: { maxWait: 15_000, timeout: 10_000 },
  }) as unknown as PrismaClient;
  return { client, pool, health };
}
