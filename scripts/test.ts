// `npm test`: types, lint, the schema-vs-migrations check, unit and property tests, then the
// end-to-end tests in headless Chromium. Stops at the first failing step and says which.
import { baseEnv, bin, run } from "./lib/run";

// When the type check began: scripts/e2e.ts lets its `next build` skip Next's own type check (the
// same tsconfig, the same route types) only if no build input has changed since then.
const typesCheckedFrom = Date.now();

const steps: Array<{ name: string; command: string; args: string[]; env?: Record<string, string> }> = [
  // The route types Next's build would check (.next/types/validator.ts), so that tsc checks them
  // too, even on a clean clone with no .next folder yet.
  { name: "Route types", command: bin("next"), args: ["typegen"] },
  { name: "Types", command: bin("tsc"), args: ["--noEmit"] },
  { name: "Lint and format", command: bin("biome"), args: ["check", "."] },
  { name: "Schema and migrations", command: bin("tsx"), args: ["scripts/check-migrations.ts"] },
  { name: "Unit and property tests", command: bin("vitest"), args: ["run"] },
  {
    name: "End-to-end tests",
    command: bin("tsx"),
    args: ["scripts/e2e.ts"],
    env: { TASKDECK_TYPES_CHECKED_FROM: String(typesCheckedFrom) },
  },
];

async function main() {
  const started = Date.now();
  // Both Prisma clients (SQLite and PostgreSQL): see scripts/generate.ts.
  if ((await run(bin("tsx"), ["scripts/generate.ts"], baseEnv())) !== 0) process.exit(1);
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
  console.log(`\n✔ All checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

void main();
