// `npm run test:pg`: the PostgreSQL half of the checks, run inside `tsx scripts/pg-cluster.ts run --`
// (which sets DATABASE_URL to a throwaway cluster): the data-layer tests that open their database
// by dialect (scripts/lib/dialect-test-files.ts; the others ran the same in `npm test`), then the
// end-to-end suite (less the specs that never touch the database differently: playwright.config.ts)
// served on a fresh database in the same cluster (scripts/e2e.ts makes it). The
// production build from `npm test` is reused unless a source file is newer. Stops at the first
// failing step and says which.
import { isPostgresUrl } from "@/lib/server/database-url";
import { dialectTestFiles } from "./lib/dialect-test-files";
import { baseEnv, bin, run } from "./lib/run";

async function main() {
  const url = process.env.DATABASE_URL?.trim() ?? "";
  if (!isPostgresUrl(url)) {
    console.error("✖ DATABASE_URL must name a PostgreSQL server: run this as `npm run test:pg`");
    process.exit(2);
  }
  const { byDialect, same } = dialectTestFiles(process.cwd(), "lib/server");
  console.log(
    `▸ ${byDialect.length} data-layer test files open their database by dialect; ${same.length} under` +
      ` lib/server do not and ran the same in npm test: ${same.join(", ")}`,
  );
  const steps: Array<{ name: string; command: string; args: string[]; env?: Record<string, string> }> = [
    {
      name: "Data-layer tests on PostgreSQL",
      command: bin("vitest"),
      args: ["run", ...byDialect],
      env: { TEST_DATABASE: "postgres", TEST_POSTGRES_URL: url },
    },
    {
      // Every spec but those that do not touch the database differently (playwright.config.ts).
      name: "End-to-end tests on PostgreSQL",
      command: bin("tsx"),
      args: ["scripts/e2e.ts"],
      env: { E2E_DATABASE_SPECS_ONLY: "1" },
    },
  ];
  const started = Date.now();
  for (const step of steps) {
    console.log(`\n━━ ${step.name} ━━`);
    const stepStarted = Date.now();
    const code = await run(step.command, step.args, baseEnv(step.env));
    const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
    if (code !== 0) {
      console.error(`\n✖ ${step.name} failed (exit ${code}, ${seconds}s). Later steps were not run.`);
      process.exit(code);
    }
    console.log(`✔ ${step.name} (${seconds}s)`);
  }
  console.log(`\n✔ PostgreSQL checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

void main();
