// `npm test`: types, lint, the schema-vs-migrations check, unit and property tests, then the
// end-to-end tests in headless Chromium. Stops at the first failing step and says which.
import { baseEnv, bin, run } from "./lib/run";

const steps: Array<{ name: string; command: string; args: string[] }> = [
  { name: "Types", command: bin("tsc"), args: ["--noEmit"] },
  { name: "Lint and format", command: bin("biome"), args: ["check", "."] },
  { name: "Schema and migrations", command: bin("tsx"), args: ["scripts/check-migrations.ts"] },
  { name: "Unit and property tests", command: bin("vitest"), args: ["run"] },
  { name: "End-to-end tests", command: bin("tsx"), args: ["scripts/e2e.ts"] },
];

async function main() {
  const started = Date.now();
  // Both Prisma clients (SQLite and PostgreSQL): see scripts/generate.ts.
  if ((await run(bin("tsx"), ["scripts/generate.ts"], baseEnv())) !== 0) process.exit(1);
  for (const step of steps) {
    console.log(`\n━━ ${step.name} ━━`);
    const stepStarted = Date.now();
    const code = await run(step.command, step.args);
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
