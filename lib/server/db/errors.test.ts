import { describe, expect, it } from "vitest";
import { classifyDatabaseError, DatabaseBusyError, isStorageUnavailable, storageStateOf } from "./errors";

// The one classifier of database errors, for both dialects, through Prisma's wrappers.

const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });
const wrapped = (inner: unknown) =>
  Object.assign(new Error("Invalid `prisma.review.create()` invocation"), {
    code: "P2010",
    meta: { driverAdapterError: { cause: inner } },
  });

describe("classifyDatabaseError", () => {
  it("reads the drivers' codes and messages, also when Prisma wraps them", () => {
    expect(classifyDatabaseError(sqlite("SQLITE_CONSTRAINT_UNIQUE", "UNIQUE constraint failed"))).toBe(
      "unique",
    );
    expect(
      classifyDatabaseError(wrapped(sqlite("SQLITE_READONLY", "attempt to write a readonly database"))),
    ).toBe("storage");
    expect(classifyDatabaseError(wrapped({ code: "40P01", message: "deadlock detected" }))).toBe("busy");
    expect(classifyDatabaseError(new DatabaseBusyError())).toBe("busy");
    expect(classifyDatabaseError({ code: "08006", message: "connection failure" })).toBe("unavailable");
    expect(classifyDatabaseError(new Error("column x does not exist"))).toBeNull();
    expect(isStorageUnavailable(wrapped({ code: "53100", message: "could not extend file" }))).toBe(true);
  });
});

describe("storageStateOf (the health check's no-op write)", () => {
  it("tells read-only from full from busy, on SQLite and PostgreSQL alike", () => {
    expect(storageStateOf(wrapped(sqlite("SQLITE_READONLY", "attempt to write a readonly database")))).toBe(
      "read-only",
    );
    expect(
      storageStateOf({ code: "25006", message: "cannot execute UPDATE in a read-only transaction" }),
    ).toBe("read-only");
    expect(storageStateOf(sqlite("SQLITE_FULL", "database or disk is full"))).toBe("full");
    expect(storageStateOf({ code: "53100", message: "could not extend file" })).toBe("full");
    expect(storageStateOf(sqlite("SQLITE_IOERR_WRITE", "disk I/O error"))).toBe("full");
    expect(storageStateOf(sqlite("SQLITE_BUSY", "database is locked"))).toBe("busy");
    expect(storageStateOf({ code: "55P03", message: "canceling statement due to lock timeout" })).toBe(
      "busy",
    );
  });

  it("leaves other causes to the other checks", () => {
    expect(storageStateOf(new Error('relation "SyncRun" does not exist'))).toBeNull();
    expect(storageStateOf({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" })).toBeNull();
  });
});
