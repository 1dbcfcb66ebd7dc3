// `npm start`: the release step (migrate the database, load the banks), build when the build is
// missing or older than the sources, then serve on PORT/HOST (default localhost:3000) with
// Taskdeck's server (scripts/serve.mjs: Next.js's handler, the JSON writes on the direct lane).
// On PostgreSQL it first refuses to start without the secrets every process must share.
import { databaseUrl } from "@/lib/server/database-url";
import { isBuildStale } from "./lib/build-state";
import { deploymentProblems } from "./lib/deployment-env";
import { release } from "./lib/release";
import { baseEnv, bin, run, SERVER_SCRIPT } from "./lib/run";

async function main() {
  const url = databaseUrl();
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "localhost";
  const problems = deploymentProblems();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✖ ${problem}`);
    console.error("Nothing was started.");
    process.exit(1);
  }
  if (!(await release(url))) process.exit(1);
  if (isBuildStale()) {
    console.log("▸ Building the app (the build is missing or older than the sources)");
    if ((await run(bin("next"), ["build"], baseEnv({ DATABASE_URL: url }))) !== 0) process.exit(1);
  } else {
    console.log("▸ The build is up to date");
  }
  console.log(`▸ Serving Taskdeck on http://${host}:${port}`);
  const code = await run(
    process.execPath,
    [SERVER_SCRIPT],
    baseEnv({ DATABASE_URL: url, PORT: port, HOST: host }),
  );
  process.exit(code);
}

void main();
