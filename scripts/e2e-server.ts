// The server Playwright tests drive: the real production build on a throwaway SQLite file,
// migrated and loaded exactly as `npm start` does.
import { release } from "./lib/release";
import { baseEnv, bin, run } from "./lib/run";

async function main() {
  const url = process.env.DATABASE_URL;
  const port = process.env.PORT;
  if (!url || !port) {
    console.error("e2e-server needs DATABASE_URL and PORT (scripts/e2e.ts sets them).");
    process.exit(2);
  }
  if (!(await release(url))) process.exit(1);
  process.exit(await run(bin("next"), ["start", "-p", port, "-H", "127.0.0.1"], baseEnv()));
}

void main();
