import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit and property tests live beside the code they test (`*.test.ts`).
// e2e/ belongs to Playwright and is kept out of here.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server bundle; unit tests of the
      // data layer import it legitimately, so it resolves to an empty module.
      "server-only": fileURLToPath(new URL("./lib/server/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "data/**"],
    environment: "node",
    pool: "forks",
    // Vitest's default is one worker fewer than the CPUs: one on a 2-core CI machine. The slow files
    // mostly wait (password hashing in a thread pool, child processes, PostgreSQL), so at least two
    // run side by side. The timing checks (auth-flow's "similar time", login throttle, SQLite busy)
    // compare interleaved samples or allow a loaded machine's margin, and pass under this setting.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    // Hooks build whole worlds (the access matrix signs six people up, with real password hashes):
    // 2.4 s on a quiet CI machine, over Vitest's default 10 s under a load average of 12.
    hookTimeout: 30_000,
  },
});
