import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databasePath, databaseUrl } from "./database-url";

describe("databaseUrl", () => {
  it("defaults to the SQLite file under data/", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "  " })).toBe("file:./data/taskdeck.db");
  });

  it("honours DATABASE_URL", () => {
    expect(databaseUrl({ DATABASE_URL: "file:/tmp/x.db" })).toBe("file:/tmp/x.db");
  });

  it("refuses a URL this build cannot open, naming it", () => {
    expect(() => databaseUrl({ DATABASE_URL: "postgres://db/taskdeck" })).toThrow(
      /postgres:\/\/db\/taskdeck/,
    );
  });

  it("turns a file URL into the path better-sqlite3 opens", () => {
    expect(databasePath("file:./data/taskdeck.db")).toBe("./data/taskdeck.db");
    expect(databasePath("file:/var/x.db?mode=ro")).toBe("/var/x.db");
  });
});
