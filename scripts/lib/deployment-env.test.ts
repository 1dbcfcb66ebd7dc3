import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ACTIONS_KEY_MESSAGE, deploymentProblems, isValidActionsKey } from "./deployment-env";

const postgres = "postgresql://taskdeck@db.internal:5432/taskdeck";
const secret = "s".repeat(40);
const key = randomBytes(32).toString("base64");

describe("deploymentProblems", () => {
  it("asks nothing of a SQLite deployment", () => {
    expect(deploymentProblems({})).toEqual([]);
    expect(deploymentProblems({ DATABASE_URL: "file:/srv/taskdeck.db" })).toEqual([]);
  });

  it("on PostgreSQL, names each missing shared secret", () => {
    const problems = deploymentProblems({ DATABASE_URL: postgres });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/BETTER_AUTH_SECRET must be set/);
    expect(problems[1]).toBe(ACTIONS_KEY_MESSAGE);
    expect(deploymentProblems({ DATABASE_URL: postgres, BETTER_AUTH_SECRET: secret })).toEqual([
      ACTIONS_KEY_MESSAGE,
    ]);
  });

  it("on PostgreSQL, passes with both and refuses a malformed key", () => {
    const env = { DATABASE_URL: postgres, BETTER_AUTH_SECRET: secret };
    expect(deploymentProblems({ ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })).toEqual([]);
    expect(deploymentProblems({ ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not a key" })[0]).toMatch(
      /base64 of a 16, 24 or 32-byte key/,
    );
  });
});

describe("isValidActionsKey", () => {
  it("accepts base64 AES-128/192/256 keys only", () => {
    for (const bytes of [16, 24, 32])
      expect(isValidActionsKey(randomBytes(bytes).toString("base64"))).toBe(true);
    expect(isValidActionsKey(randomBytes(20).toString("base64"))).toBe(false);
    expect(isValidActionsKey(randomBytes(32).toString("hex"))).toBe(false);
    expect(isValidActionsKey("")).toBe(false);
  });
});
