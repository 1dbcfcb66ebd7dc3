import { baseEnv, bin, run } from "./run";

/**
 * Creates (if needed) and migrates the SQLite database at `databaseUrl` with `prisma migrate deploy`.
 * Resolves to false when a step failed; the reason is printed.
 */
export async function prepareDatabase(databaseUrl: string): Promise<boolean> {
  const env = baseEnv({ DATABASE_URL: databaseUrl });
  console.log(`▸ Migrating ${databaseUrl}`);
  if ((await run(bin("prisma"), ["migrate", "deploy"], env)) !== 0) {
    console.error("✖ The database could not be migrated (see above). Nothing else was started.");
    return false;
  }
  return true;
}
