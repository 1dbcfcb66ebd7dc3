// `npm run test:e2e`: Playwright against the production build, served on a free port with a
// throwaway database: a SQLite file by default; when DATABASE_URL is PostgreSQL (e.g. under
// `tsx scripts/pg-cluster.ts run --`), a fresh database created in that server and dropped after.
// Either way the server runs the release step on it first (scripts/e2e-server.ts). Extra arguments
// go to Playwright (e.g. a spec file or --grep).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isPostgresUrl } from "@/lib/server/database-url";
import { BUILD_INPUTS, isBuildStale } from "./lib/build-state";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./lib/chromium";
import { createDatabase, dropDatabase } from "./lib/pg-cluster";
import { redactUrl } from "./lib/postgres-url";
import { baseEnv, bin, freePort, newestMtime, run } from "./lib/run";

/** The database the served app uses, and how to get rid of it afterwards. */
async function throwawayDatabase(): Promise<{
  url: string;
  extraEnv: Record<string, string>;
  cleanup: () => Promise<void>;
}> {
  const given = process.env.DATABASE_URL?.trim();
  if (given && isPostgresUrl(given)) {
    const name = `taskdeck_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const url = await createDatabase(given, name);
    return {
      url,
      // One server process, but PostgreSQL has no data folder for a generated secret.
      extraEnv: process.env.BETTER_AUTH_SECRET
        ? {}
        : { BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") },
      cleanup: () => dropDatabase(given, name),
    };
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-e2e-"));
  return {
    url: `file:${path.join(scratch, "e2e.db")}`,
    extraEnv: {},
    cleanup: async () => fs.rmSync(scratch, { recursive: true, force: true }),
  };
}

/**
 * True when `npm test` (scripts/test.ts) ran `next typegen` and `tsc --noEmit` on the current
 * sources: it passes when that check began, and no build input may be newer. Never true for a
 * direct `npm run test:e2e`, whose build then checks types itself.
 */
function typesCheckedSinceLastEdit(): boolean {
  const from = Number(process.env.TASKDECK_TYPES_CHECKED_FROM);
  if (!Number.isFinite(from) || from <= 0) return false;
  return newestMtime(BUILD_INPUTS.map((input) => path.resolve(input))) < from;
}

async function main() {
  const chromium = await findChromium();
  if (!chromium) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  if (isBuildStale()) {
    console.log("▸ Building the app for the end-to-end tests");
    const typesChecked = typesCheckedSinceLastEdit();
    if (typesChecked)
      console.log("  (types were checked moments ago by npm test: next build skips its own check)");
    // Set here or removed: an exported value from elsewhere never reaches the build.
    const buildEnv = baseEnv({ TASKDECK_TYPES_CHECKED: typesChecked ? "1" : undefined });
    if ((await run(bin("next"), ["build"], buildEnv)) !== 0) process.exit(1);
  }
  const database = await throwawayDatabase();
  const port = String(await freePort());
  const env = baseEnv({
    ...database.extraEnv,
    E2E_PORT: port,
    E2E_DATABASE_URL: database.url,
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: chromium,
  });
  console.log(`▸ Playwright with ${chromium} against http://127.0.0.1:${port} on ${redactUrl(database.url)}`);
  const code = await run(bin("playwright"), ["test", ...process.argv.slice(2)], env);
  await database.cleanup();
  process.exit(code);
}

void main();
