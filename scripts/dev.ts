// `npm run dev`: migrate, load the banks, then run Next's development server. Edits to
// content/ are re-synced into the database as they are saved.
import fs from "node:fs";
import { databaseUrl } from "@/lib/server/database-url";
import { release } from "./lib/release";
import { baseEnv, bin, run } from "./lib/run";

async function main() {
  const url = databaseUrl();
  if (!(await release(url))) process.exit(1);
  let timer: NodeJS.Timeout | undefined;
  let syncing = Promise.resolve(0);
  fs.watch("content", { recursive: true }, (_event, file) => {
    if (!file?.endsWith(".md")) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log(`▸ ${file} changed: re-syncing banks`);
      syncing = syncing.then(() =>
        run(
          bin("tsx"),
          ["--conditions=react-server", "scripts/sync-banks.ts"],
          baseEnv({ DATABASE_URL: url }),
        ),
      );
    }, 250);
  });
  const args = ["dev", "-p", process.env.PORT ?? "3000", "-H", process.env.HOST ?? "localhost"];
  process.exit(await run(bin("next"), args, baseEnv({ DATABASE_URL: url })));
}

void main();
