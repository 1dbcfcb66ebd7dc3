import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseDialect, databasePath, databaseUrl } from "./database-url";

describe("databaseUrl", () => {
  it("defaults to the SQLite file under data/", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "  " })).toBe("file:./data/taskdeck.db");
  });

  it("honours DATABASE_URL", () => {
    expect(databaseUrl({ DATABASE_URL: "file:/tmp/x.db" })).toBe("file:/tmp/x.db");
  });

  it("takes a PostgreSQL URL and says which database a URL names", () => {
    expect(databaseUrl({ DATABASE_URL: "postgresql://taskdeck@db/taskdeck" })).toBe(
      "postgresql://taskdeck@db/taskdeck",
    );
    expect(databaseDialect("postgres://db/taskdeck")).toBe("postgres");
    expect(databaseDialect("file:./data/taskdeck.db")).toBe("sqlite");
  });

  it("refuses a URL no build can open, naming it without its password", () => {
    expect(() => databaseUrl({ DATABASE_URL: "mysql://root:secret@db/taskdeck" })).toThrow(
      /mysql:\/\/…@db\/taskdeck/,
    );
    expect(() => databaseUrl({ DATABASE_URL: "mysql://root:secret@db/taskdeck" })).not.toThrow(/secret/);
  });

  it("turns a file URL into the path better-sqlite3 opens", () => {
    expect(databasePath("file:./data/taskdeck.db")).toBe("./data/taskdeck.db");
    expect(databasePath("file:/var/x.db?mode=ro")).toBe("/var/x.db");
  });
});
