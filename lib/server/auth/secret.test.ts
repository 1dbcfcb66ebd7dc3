import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authSecret, dataFolder, SECRET_FILE_NAME } from "./secret";

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
