import { describe, expect, it } from "vitest";
import {
  DEFAULT_DATABASE_URL,
  databaseDialect,
  databasePath,
  databaseProvider,
  databaseUrl,
  isPostgresUrl,
} from "./database-url";

describe("databaseUrl", () => {
  it("defaults to the SQLite file under data/", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "  " })).toBe("file:./data/taskdeck.db");
  });

  it("honours DATABASE_URL", () => {
    expect(databaseUrl({ DATABASE_URL: "file:/tmp/x.db" })).toBe("file:/tmp/x.db");
    expect(databaseUrl({ DATABASE_URL: "postgresql://u@db:5432/taskdeck" })).toBe(
      "postgresql://u@db:5432/taskdeck",
    );
    expect(databaseUrl({ DATABASE_URL: "postgres://db/taskdeck" })).toBe("postgres://db/taskdeck");
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
    expect(() => databaseUrl({ DATABASE_URL: "./data/taskdeck.db" })).toThrow(/file:/);
  });

  it("turns a file URL into the path better-sqlite3 opens", () => {
    expect(databasePath("file:./data/taskdeck.db")).toBe("./data/taskdeck.db");
    expect(databasePath("file:/var/x.db?mode=ro")).toBe("/var/x.db");
  });

  it("has no file path for a PostgreSQL URL (never a file named after the URL)", () => {
    expect(() => databasePath("postgresql://db/taskdeck")).toThrow(/SQLite/);
  });
});

describe("databaseProvider", () => {
  it("names PostgreSQL for both URL schemes and SQLite otherwise", () => {
    expect(isPostgresUrl("postgresql://db/x")).toBe(true);
    expect(isPostgresUrl("POSTGRES://db/x")).toBe(true);
    expect(isPostgresUrl("file:./postgres.db")).toBe(false);
    expect(databaseProvider("postgres://db/x")).toBe("postgresql");
    expect(databaseProvider("file:./data/taskdeck.db")).toBe("sqlite");
  });
});
