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
    testTimeout: 20_000,
  },
});
