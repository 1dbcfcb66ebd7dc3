// Small helpers for PostgreSQL connection URLs, shared by prisma.config.ts and the scripts.

/**
 * The same server and credentials with another database name (other query parameters kept).
 * @example withDatabaseName("postgresql://u@h:5432/app?sslmode=require", "x") // "postgresql://u@h:5432/x?sslmode=require"
 */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database name a PostgreSQL URL names ("" when it names none). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  }
}

/** A quoted SQL identifier (for CREATE/DROP DATABASE, which take no parameters). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
