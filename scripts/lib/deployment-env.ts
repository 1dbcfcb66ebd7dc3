// What `npm start` requires before serving on PostgreSQL, where several processes (on several
// hosts) serve one database and must agree on their secrets.
import { authSecret } from "@/lib/server/auth/secret";
import { databaseUrl, isPostgresUrl } from "@/lib/server/database-url";

export const ACTIONS_KEY_MESSAGE =
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be set when DATABASE_URL is PostgreSQL: Next.js encrypts " +
  "server-action data with it, and every process must use the same key to read what another one " +
  "wrote. Make one with `openssl rand -base64 32`, set it when building and on every process " +
  "(see docs/deploy.md).";

/** Whether a value is what Next.js accepts as an actions key: base64 of a 16, 24 or 32-byte AES key. */
export function isValidActionsKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(Buffer.from(value, "base64").length);
}

/**
 * The reasons this environment cannot serve Taskdeck on PostgreSQL, each a sentence (none on
 * SQLite, where the secret is made on first start and one process holds the database).
 */
export function deploymentProblems(env: Record<string, string | undefined> = process.env): string[] {
  if (!isPostgresUrl(databaseUrl(env))) return [];
  const problems: string[] = [];
  try {
    authSecret(env);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (!key) problems.push(ACTIONS_KEY_MESSAGE);
  else if (!isValidActionsKey(key)) {
    problems.push(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of a 16, 24 or 32-byte key " +
        "(`openssl rand -base64 32` makes one)",
    );
  }
  return problems;
}
