import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./scripts/lib/chromium";

// `npm run test:e2e` (scripts/e2e.ts) sets these: a free port, a throwaway database and the
// Chromium binary. The defaults serve a direct `npx playwright test` run.
const port = Number(process.env.E2E_PORT ?? 3211);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
const baseURL = `http://127.0.0.1:${port}`;

// The specs whose steps do not depend on the database, left out of the PostgreSQL pass
// (`npm run test:pg` sets E2E_DATABASE_SPECS_ONLY): the 375 px sweep (layout), the simulator (it
// runs in the browser), the marketing page, the body limits and the bank parser's refusals and big
// uploads (their PostgreSQL writes are the data-layer tests' `instructor-banks.test.ts`), the
// Korean flows (`ko-*`: the same queries as their English specs, with another catalog), and the
// accounts specs `auth` and `auth-security`: what they do on the database (sign-up, sign-in and
// sign-out, the session lookup and its hourly refresh, the login throttle, password change, export,
// account deletion, roles) is checked on PostgreSQL by `auth-flow`, `session-lookup`,
// `session-refresh`, `login-throttle` and `users.test.ts`, and every other spec signs up and reads
// sessions on it through the browser; and `quiz-flow` (the runner's keys, its confirmation dialog,
// refused forms, the first visit's time zone): the attempts, autosaves and flags under it are
// `quiz.spec.ts`'s on PostgreSQL too, the time zone `study-settings.test.ts`'s. The second pass goes
// over the flows whose SQL differs by dialect (lib/server/db: grading, autosave, the study
// holdback, progress and dashboard aggregates, attempts, bank uploads): decks, insight, progress,
// quiz, study, teach, today (docs/architecture.md).
const SAME_ON_EVERY_DATABASE =
  /\/(mobile|simulator|home|limits|import|auth|auth-security|quiz-flow|ko-[a-z-]+)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: "off",
    // English unless a spec asks for Korean (`test.use({ locale: "ko-KR" })` sends Accept-Language).
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  // "setup" signs in one admin, one instructor and one learner first and saves each browser state
  // under e2e/.auth/ (see e2e/setup/accounts.ts); specs opt in with `test.use({ storageState })`.
  projects: [
    { name: "setup", testMatch: /setup\/.*\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      testIgnore: process.env.E2E_DATABASE_SPECS_ONLY ? [/setup\//, SAME_ON_EVERY_DATABASE] : /setup\//,
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: { DATABASE_URL: databaseUrl, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
