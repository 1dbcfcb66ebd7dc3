import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authSecret, dataFolder, POSTGRES_SECRET_MESSAGE, SECRET_FILE_NAME } from "./secret";

const folders: string[] = [];
function scratch(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-secret-"));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("authSecret", () => {
  it("uses BETTER_AUTH_SECRET when set and writes nothing", () => {
    const folder = scratch();
    const secret = "s".repeat(40);
    expect(authSecret({ BETTER_AUTH_SECRET: secret }, folder)).toBe(secret);
    expect(fs.existsSync(path.join(folder, SECRET_FILE_NAME))).toBe(false);
  });

  it("refuses a short BETTER_AUTH_SECRET", () => {
    expect(() => authSecret({ BETTER_AUTH_SECRET: "too-short" }, scratch())).toThrow(/at least 32/);
  });

  it("generates a secret on first start, stores it with mode 0600, and reuses it", () => {
    const folder = path.join(scratch(), "data");
    const first = authSecret({}, folder);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(folder, SECRET_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(authSecret({}, folder)).toBe(first);
    expect(fs.readdirSync(folder)).toEqual([SECRET_FILE_NAME]);
  });

  it("lives beside the database file", () => {
    expect(dataFolder({ DATABASE_URL: "file:/srv/taskdeck/db/main.db" })).toBe("/srv/taskdeck/db");
  });
});

describe("authSecret on PostgreSQL", () => {
  const postgres = { DATABASE_URL: "postgresql://taskdeck@db.internal:5432/taskdeck" };

  it("refuses to run without BETTER_AUTH_SECRET and makes no secret of its own", () => {
    const folder = scratch();
    expect(() => authSecret(postgres, folder)).toThrow(POSTGRES_SECRET_MESSAGE);
    expect(() => authSecret({ ...postgres, BETTER_AUTH_SECRET: "   " }, folder)).toThrow(/must be set/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it("ignores a secret file another run left beside a SQLite database", () => {
    const folder = scratch();
    fs.writeFileSync(path.join(folder, SECRET_FILE_NAME), `${"f".repeat(40)}\n`, { mode: 0o600 });
    expect(() => authSecret(postgres, folder)).toThrow(POSTGRES_SECRET_MESSAGE);
  });

  it("uses BETTER_AUTH_SECRET, still at least 32 characters", () => {
    const secret = "p".repeat(32);
    expect(authSecret({ ...postgres, BETTER_AUTH_SECRET: secret })).toBe(secret);
    expect(() => authSecret({ ...postgres, BETTER_AUTH_SECRET: "short" })).toThrow(/at least 32/);
  });
});
