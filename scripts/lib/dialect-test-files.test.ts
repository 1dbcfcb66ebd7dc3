import { describe, expect, it } from "vitest";
import { dialectTestFiles } from "./dialect-test-files";

describe("the data-layer test files the PostgreSQL pass runs", () => {
  const { byDialect, same } = dialectTestFiles(process.cwd(), "lib/server");

  it("takes the files that open a test database by dialect, directly or through a helper", () => {
    expect(byDialect).toContain("lib/server/db/races.test.ts");
    expect(byDialect).toContain("lib/server/data/study.test.ts");
    // Only through the access matrix's world (lib/server/auth/access-matrix/world.ts).
    expect(byDialect).toContain("lib/server/access-matrix.test.ts");
    expect(byDialect).toContain("lib/server/actions/readable-input.test.ts");
  });

  it("leaves out the SQLite-only files and those that open no database by dialect", () => {
    expect(same).toContain("lib/server/db/sqlite/busy.test.ts");
    expect(same).toContain("lib/server/auth/session.test.ts");
    expect(same).toContain("lib/server/auth/password-hash.test.ts");
    expect(byDialect.filter((file) => same.includes(file))).toEqual([]);
    expect(byDialect.length).toBeGreaterThan(20);
  });
});
