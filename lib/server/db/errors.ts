// One classifier for database errors of both dialects, looking through Prisma's wrappers (`cause`,
// `meta`, the driver adapter's error, the message) as well as the drivers' own codes.

/** What a database error means for the request that met it. */
export type DatabaseErrorKind =
  /** A unique or primary key was taken by another writer. */
  | "unique"
  /** The storage cannot take a write at all: a read-only or full disk, an I/O error, a corrupt file. */
  | "storage"
  /** Another writer holds the lock (SQLite), or a lock or serialization conflict (PostgreSQL). */
  | "busy"
  /** The database server cannot be reached or is shutting down. */
  | "unavailable";

/** Raised by Taskdeck itself when a write still met a busy database after its bounded retries. */
export class DatabaseBusyError extends Error {
  readonly code = "TASKDECK_DATABASE_BUSY";
  constructor(what = "The database is busy") {
    super(what);
    this.name = "DatabaseBusyError";
  }
}

const SQLITE_STORAGE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|NOTADB|CORRUPT|PROTOCOL)/;
const SQLITE_BUSY = /^SQLITE_(BUSY|LOCKED)/;
const SQLITE_UNIQUE = /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/;
const STORAGE_MESSAGES =
  /readonly database|read-only file system|database or disk is full|disk I\/O error|unable to open database|no space left on device|database disk image is malformed|could not extend file|cannot execute \w+ in a read-only transaction/i;
const BUSY_MESSAGES = /database is locked|database table is locked|TASKDECK_DATABASE_BUSY/i;
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|the database system is (starting up|shutting down)|terminating connection due to administrator command|Can't reach database server/i;

/** PostgreSQL SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
function postgresKind(code: string): DatabaseErrorKind | null {
  if (code === "23505") return "unique";
  if (code === "53100" || code === "25006" || code.startsWith("58")) return "storage";
  if (code === "40001" || code === "40P01" || code === "55P03" || code === "53300") return "busy";
  if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return "unavailable";
  return null;
}

function kindOfText(text: string): DatabaseErrorKind | null {
  if (SQLITE_UNIQUE.test(text) || text === "P2002" || text === "UniqueConstraintViolation") return "unique";
  if (SQLITE_STORAGE.test(text) || STORAGE_MESSAGES.test(text)) return "storage";
  if (SQLITE_BUSY.test(text) || BUSY_MESSAGES.test(text)) return "busy";
  if (text === "P1001" || text === "DatabaseNotReachable" || UNAVAILABLE_MESSAGES.test(text))
    return "unavailable";
  if (/^[0-9A-Z]{5}$/.test(text)) return postgresKind(text);
  return null;
}

/** Every text (codes and messages) of an error and the errors it wraps, through Prisma's layers. */
function textsOf(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (value === null || value === undefined || depth > 6 || seen.has(value)) return;
    if (typeof value === "string") {
      texts.push(value);
      return;
    }
    if (typeof value !== "object") return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ["code", "extendedCode", "kind", "message", "originalMessage", "originalCode"]) {
      if (typeof record[key] === "string") visit(record[key], depth + 1);
    }
    visit(record.cause, depth + 1);
    visit(record.meta, depth + 1);
    visit(record.driverAdapterError, depth + 1);
  };
  visit(error, 0);
  return texts;
}

/**
 * What a database error means, or null when it is none of the kinds above (a bug, a constraint the
 * code should have checked). Storage beats busy beats unavailable when several causes are nested.
 */
export function classifyDatabaseError(error: unknown): DatabaseErrorKind | null {
  const found = new Set<DatabaseErrorKind>();
  for (const text of textsOf(error)) {
    const kind = kindOfText(text);
    if (kind) found.add(kind);
  }
  for (const kind of ["storage", "busy", "unavailable", "unique"] as const) if (found.has(kind)) return kind;
  return null;
}

const READ_ONLY =
  /^SQLITE_READONLY|readonly database|read-only|read only|^25006$|recovery is in progress|in a read-only transaction/i;
const FULL = /^SQLITE_FULL|disk is full|no space left on device|could not extend file|^53100$/i;

/**
 * What a no-op write the health check tried says about the storage, on either database: "read-only"
 * (a read-only file, mount, server or standby), "full" (no space, or a disk that fails writes
 * another way: writes cannot land), "busy" (another writer holds the lock), or null (another cause,
 * such as a schema behind or an unreachable server, which the other checks report).
 * @example storageStateOf(new Error("SQLITE_READONLY: attempt to write a readonly database")) // "read-only"
 */
export function storageStateOf(error: unknown): "read-only" | "full" | "busy" | null {
  const texts = textsOf(error);
  if (texts.some((text) => READ_ONLY.test(text))) return "read-only";
  if (texts.some((text) => FULL.test(text))) return "full";
  const kind = classifyDatabaseError(error);
  if (kind === "storage") return "full";
  if (kind === "busy") return "busy";
  return null;
}

/**
 * True when a write could not land for a reason outside the request (a read-only or full disk, a
 * database busy beyond the bounded wait, a server that cannot be reached): the honest answer is
 * 503 "NOT saved, try again", not a generic server error.
 */
export function isStorageUnavailable(error: unknown): boolean {
  const kind = classifyDatabaseError(error);
  return kind === "storage" || kind === "busy" || kind === "unavailable";
}

/** True when a unique or primary key was taken by another writer. */
export const isUniqueViolation = (error: unknown) => classifyDatabaseError(error) === "unique";

/** True for SQLite's "another connection holds the lock" (and PostgreSQL's lock conflicts). */
export const isBusy = (error: unknown) => classifyDatabaseError(error) === "busy";
