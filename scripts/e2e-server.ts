// The server Playwright tests drive: the real production build on a throwaway SQLite file,
// migrated and loaded exactly as `npm start` does, and served by the same server (scripts/serve.mjs).
import { release } from "./lib/release";
import { baseEnv, run, SERVER_SCRIPT } from "./lib/run";

async function main() {
  const url = process.env.DATABASE_URL;
  const port = process.env.PORT;
  if (!url || !port) {
    console.error("e2e-server needs DATABASE_URL and PORT (scripts/e2e.ts sets them).");
    process.exit(2);
  }
  if (!(await release(url))) process.exit(1);
  process.exit(await run(process.execPath, [SERVER_SCRIPT], baseEnv({ HOST: "127.0.0.1" })));
}

void main();
