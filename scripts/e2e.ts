// `npm run test:e2e`: Playwright against the production build, served on a free port with a
// throwaway SQLite database. Extra arguments go to Playwright (e.g. a spec file or --grep).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isBuildStale } from "./lib/build-state";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./lib/chromium";
import { baseEnv, bin, freePort, run } from "./lib/run";

async function main() {
  const chromium = await findChromium();
  if (!chromium) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  if (isBuildStale()) {
    console.log("▸ Building the app for the end-to-end tests");
    if ((await run(bin("next"), ["build"])) !== 0) process.exit(1);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-e2e-"));
  const port = String(await freePort());
  const env = baseEnv({
    E2E_PORT: port,
    E2E_DATABASE_URL: `file:${path.join(scratch, "e2e.db")}`,
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: chromium,
  });
  console.log(`▸ Playwright with ${chromium} against http://127.0.0.1:${port}`);
  const code = await run(bin("playwright"), ["test", ...process.argv.slice(2)], env);
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}

void main();
