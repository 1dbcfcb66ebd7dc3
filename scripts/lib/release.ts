// The release step: migrate the database, then load the banks from content/. `npm start`,
// `npm run dev` and the e2e server run it before serving; `npm run release` runs it alone, once per
// deploy. On PostgreSQL several processes may run it at once (every host's `npm start`), so both
// steps run under a session-level advisory lock held on a connection of their own: the second
// process waits, then finds nothing left to migrate and the banks unchanged. The lock goes with
// the connection, so a release that dies midway never leaves it held. SQLite: as before, no lock
// (one host holds the file; the migrations table and bank sync's transaction are safe to repeat).
import pg from "pg";
import { isPostgresUrl } from "@/lib/server/database-url";
import { redactUrl } from "./postgres-url";
import { baseEnv, bin, run } from "./run";

/** pg_advisory_lock key for the release step: "taskdeck" in ASCII, as a bigint. */
export const RELEASE_LOCK_KEY = "8386093285548106603";

export type ReleaseStep = { name: string; run: (env: NodeJS.ProcessEnv) => Promise<number> };

/** The two steps: `prisma migrate deploy`, then bank sync (a bank with errors is skipped, not fatal). */
export const RELEASE_STEPS: ReleaseStep[] = [
  {
    name: "migrate",
    run: (env) => run(bin("prisma"), ["migrate", "deploy"], env),
  },
  {
    name: "sync banks",
    run: (env) => run(bin("tsx"), ["--conditions=react-server", "scripts/sync-banks.ts"], env),
  },
];

const FAILURE: Record<string, string> = {
  migrate: "✖ The database could not be migrated (see above). Nothing else was started.",
  "sync banks": "✖ The banks could not be loaded into the database (see above).",
};

async function runSteps(url: string, steps: ReleaseStep[]): Promise<boolean> {
  const env = baseEnv({ DATABASE_URL: url });
  for (const step of steps) {
    if (step.name === "migrate") console.log(`▸ Migrating ${redactUrl(url)}`);
    if (step.name === "sync banks") console.log("▸ Loading question banks from content/");
    if ((await step.run(env)) !== 0) {
      console.error(FAILURE[step.name] ?? `✖ Release step "${step.name}" failed (see above).`);
      return false;
    }
  }
  return true;
}

/** Holds the release lock on a dedicated connection while `work` runs. */
export async function withReleaseLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "taskdeck release" });
  await client.connect();
  try {
    const free = await client.query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [RELEASE_LOCK_KEY]);
    if (!free.rows[0]?.locked) {
      console.log("▸ Another process is releasing this database: waiting for it to finish");
      await client.query("SELECT pg_advisory_lock($1::bigint)", [RELEASE_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [RELEASE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Migrates the database at `url` and loads the banks; resolves to false when a step failed (the
 * reason is printed). On PostgreSQL, under the release lock.
 */
export async function release(url: string, steps: ReleaseStep[] = RELEASE_STEPS): Promise<boolean> {
  if (!isPostgresUrl(url)) return runSteps(url, steps);
  try {
    return await withReleaseLock(url, () => runSteps(url, steps));
  } catch (error) {
    console.error(
      `✖ Could not take the release lock on the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}
