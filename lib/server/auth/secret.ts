import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath, databaseUrl, isPostgresUrl } from "../database-url";

// better-auth signs session cookies with a secret. An operator may set BETTER_AUTH_SECRET; when
// it is unset, Taskdeck makes one on first start and keeps it beside the database (the data
// folder, git-ignored), readable by its owner only. Nothing secret is ever committed.
// On PostgreSQL there is no such folder and several processes on several hosts must sign with the
// same secret, so it must come from the environment: a generated file would differ per host.

export const SECRET_FILE_NAME = "auth-secret";
const MIN_SECRET_LENGTH = 32;

/** The folder holding the SQLite file: where generated state such as the secret lives. */
export function dataFolder(env: Record<string, string | undefined> = process.env): string {
  return path.dirname(path.resolve(databasePath(databaseUrl(env))));
}

/** Why BETTER_AUTH_SECRET must be set on PostgreSQL (shown by `npm start` and thrown by authSecret). */
export const POSTGRES_SECRET_MESSAGE =
  "BETTER_AUTH_SECRET must be set when DATABASE_URL is PostgreSQL: every app process must sign " +
  "sessions with the same secret, so none can be generated on one host's disk. Make one with " +
  "`openssl rand -base64 32` and give the same value to every process (see docs/deploy.md).";

/**
 * The secret for signing cookies: BETTER_AUTH_SECRET, else (SQLite only) the persisted one, else a
 * new one written with mode 0600. Two processes starting at once agree on one secret. On
 * PostgreSQL an unset BETTER_AUTH_SECRET is an error.
 */
export function authSecret(env: Record<string, string | undefined> = process.env, folder?: string): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(`BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
    }
    return fromEnv;
  }
  if (isPostgresUrl(databaseUrl(env))) throw new Error(POSTGRES_SECRET_MESSAGE);
  return persistedSecret(folder ?? dataFolder(env));
}

function persistedSecret(folder: string): string {
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
