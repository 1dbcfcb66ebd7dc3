import { baseEnv, bin, run } from "./run";

/**
 * Creates (if needed) and migrates the SQLite database at `databaseUrl` with `prisma migrate deploy`,
 * then loads the banks from content/. Resolves to false when a step failed; the reason is printed.
 */
export async function prepareDatabase(databaseUrl: string): Promise<boolean> {
  const env = baseEnv({ DATABASE_URL: databaseUrl });
  console.log(`▸ Migrating ${databaseUrl}`);
  if ((await run(bin("prisma"), ["migrate", "deploy"], env)) !== 0) {
    console.error("✖ The database could not be migrated (see above). Nothing else was started.");
    return false;
  }
  console.log("▸ Loading question banks from content/");
  // A bank with errors is reported and skipped; only an unwritable database stops the start.
  if ((await run(bin("tsx"), ["--conditions=react-server", "scripts/sync-banks.ts"], env)) !== 0) {
    console.error("✖ The banks could not be loaded into the database (see above).");
    return false;
  }
  return true;
}
