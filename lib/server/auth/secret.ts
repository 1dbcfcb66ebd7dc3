import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath, databaseUrl } from "../database-url";

// better-auth signs session cookies with a secret. An operator may set BETTER_AUTH_SECRET; when
// it is unset, Taskdeck makes one on first start and keeps it beside the database (the data
// folder, git-ignored), readable by its owner only. Nothing secret is ever committed.

export const SECRET_FILE_NAME = "auth-secret";
const MIN_SECRET_LENGTH = 32;

/** The folder holding the SQLite file: where generated state such as the secret lives. */
export function dataFolder(env: Record<string, string | undefined> = process.env): string {
  return path.dirname(path.resolve(databasePath(databaseUrl(env))));
}

/**
 * The secret for signing cookies: BETTER_AUTH_SECRET, else the persisted one, else a new one
 * written with mode 0600. Two processes starting at once agree on one secret.
 */
export function authSecret(
  env: Record<string, string | undefined> = process.env,
  folder: string = dataFolder(env),
): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(`BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
    }
    return fromEnv;
  }
  const file = path.join(folder, SECRET_FILE_NAME);
  const existing = readSecretFile(file);
  if (existing) return existing;
  fs.mkdirSync(folder, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // Written whole to a private temporary file, then linked into place: link() fails when the
  // name exists, so a concurrent reader never sees a half-written secret and one writer wins.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, `${secret}\n`, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecretFile(file);
    if (!winner) throw new Error(`${file} exists but holds no usable secret; delete it to make a new one`);
    return winner;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const secret = text.trim();
  return secret.length >= MIN_SECRET_LENGTH ? secret : null;
}
