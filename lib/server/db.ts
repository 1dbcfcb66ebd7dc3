import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, ensureDatabaseFolder } from "./database-url";
import { type Checkpointer, type CheckpointOptions, startCheckpointer } from "./db-checkpoint";

// The one Prisma client. All raw SQL in Taskdeck lives in this file and the two helpers beside
// it (db-backup.ts, db-checkpoint.ts), so that moving a deployment to PostgreSQL touches one place.

/**
 * Pragmas every connection gets: concurrent readers, bounded waits, enforced relations, and a
 * 64 MiB page cache (SQLite's default is 2 MiB: with a million reviews, every grading's index
 * lookups went back to the operating system for pages the last grading had just read).
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA cache_size = -65536",
] as const;

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock: `await acquire()` resolves to the function that releases it. */
export function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
}

/**
 * The better-sqlite3 adapter shares one connection between every request and only locks it
 * for transactions. A plain query issued while another request's interactive transaction is
 * open would run inside that transaction: it would read uncommitted rows, and its write,
 * already acknowledged, would vanish if that transaction rolled back. Every statement
 * therefore takes the same lock as a transaction, so each runs alone on the connection.
 */
export function serializeConnection(adapter: Adapter, acquire = createLock()): Adapter {
  const locked =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await acquire();
      try {
        return await run(...args);
      } finally {
        release();
      }
    };
  const queryRaw = locked(adapter.queryRaw.bind(adapter));
  const executeRaw = locked(adapter.executeRaw.bind(adapter));
  const executeScript = locked(adapter.executeScript.bind(adapter));
  async function startTransaction(
    ...args: Parameters<Adapter["startTransaction"]>
  ): Promise<AdapterTransaction> {
    const release = await acquire();
    try {
      const tx = await adapter.startTransaction(...args);
      let isSettled = false;
      const finish = (end: () => Promise<void>) => async () => {
        if (isSettled) return;
        isSettled = true;
        try {
          await end();
        } finally {
          release();
        }
      };
      // When COMMIT itself fails (a full disk, a deferred constraint), Prisma neither commits nor
      // rolls back, so the adapter's lock and ours were never released and every later query hung.
      // Roll back, release both locks, and let the error reach the caller.
      const statement =
        <A extends [{ sql: string }], R>(run: (...a: A) => Promise<R>) =>
        async (...a: A): Promise<R> => {
          try {
            return await run(...a);
          } catch (error) {
            if (/^\s*COMMIT\b/i.test(a[0].sql)) {
              await run(...([{ ...a[0], sql: "ROLLBACK", args: [], argTypes: [] }] as unknown as A)).catch(
                () => undefined,
              );
              await finish(tx.rollback.bind(tx))();
            }
            throw error;
          }
        };
      const executeRawInTx = statement(tx.executeRaw.bind(tx));
      const queryRawInTx = statement(tx.queryRaw.bind(tx));
      return new Proxy(tx, {
        get(target, property) {
          if (property === "commit") return finish(target.commit.bind(target));
          if (property === "rollback") return finish(target.rollback.bind(target));
          if (property === "executeRaw") return executeRawInTx;
          if (property === "queryRaw") return queryRawInTx;
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    } catch (error) {
      release();
      throw error;
    }
  }
  return new Proxy(adapter, {
    get(target, property) {
      switch (property) {
        case "queryRaw":
          return queryRaw;
        case "executeRaw":
          return executeRaw;
        case "executeScript":
          return executeScript;
        case "startTransaction":
          return startTransaction;
        default: {
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}

/** The SQLite connection under a Prisma client, and the lock every statement on it takes. */
type Link = {
  acquire: () => Promise<() => void>;
  database?: BetterSqlite3.Database;
  statements: Map<string, BetterSqlite3.Statement>;
};
const links = new WeakMap<PrismaClient, Link>();

/** SQLite's own threshold for checkpointing on commit, in pages. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Builds a Prisma client for a SQLite file with Taskdeck's pragmas and connection lock.
 * `backgroundCheckpoints` moves WAL checkpoints to a worker thread (lib/server/db-checkpoint.ts):
 * the server's own client does; scripts and tests keep SQLite's checkpoint on commit.
 */
export function createPrismaClient(
  url: string = databaseUrl(),
  options: { backgroundCheckpoints?: boolean | CheckpointOptions } = {},
): PrismaClient {
  ensureDatabaseFolder(url);
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const link: Link = { acquire: createLock(), statements: new Map() };
  const adapter = {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(`${SQLITE_PRAGMAS.join(";\n")};`);
      // The adapter keeps its better-sqlite3 handle as `client`; the hot paths below use it directly.
      const database = (connection as unknown as { client?: BetterSqlite3.Database }).client;
      link.database = database && typeof database.prepare === "function" ? database : undefined;
      link.statements = new Map();
      const serialized = serializeConnection(connection, link.acquire);
      if (!options.backgroundCheckpoints || !database || database.memory) return serialized;
      return withBackgroundCheckpoints(serialized, database, link.acquire, options.backgroundCheckpoints);
    },
  };
  // Transactions queue behind the connection lock; under load the default 2 s wait for
  // a turn is too short, while each transaction itself stays brief.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 10_000 } });
  links.set(client, link);
  return client;
}

/**
 * Hands the connection's WAL checkpoints to a worker thread, and takes them back (SQLite's
 * checkpoint on commit) if the worker fails: a log that nobody copies would grow without bound.
 */
function withBackgroundCheckpoints(
  connection: Adapter,
  database: BetterSqlite3.Database,
  acquire: () => Promise<() => void>,
  options: boolean | CheckpointOptions,
): Adapter {
  database.pragma("wal_autocheckpoint = 0");
  let fallenBack = false;
  const fallBack = (reason: string) => {
    if (fallenBack) return;
    fallenBack = true;
    console.error(`Taskdeck: background WAL checkpoints stopped (${reason}); checkpointing on commit again.`);
    if (database.open) database.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    void checkpointer.stop();
  };
  const checkpointer = startCheckpointer(
    path.resolve(database.name),
    acquire,
    fallBack,
    typeof options === "object" ? options : {},
  );
  checkpointers.set(database, checkpointer);
  return new Proxy(connection, {
    get(target, property) {
      if (property === "dispose")
        return async () => {
          fallenBack = true;
          await checkpointer.stop();
          await target.dispose();
        };
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The running checkpointer of a connection, for tests. */
const checkpointers = new WeakMap<BetterSqlite3.Database, Checkpointer>();

/** A client's background checkpointer once it has started (tests); undefined when it has none. */
export async function backgroundCheckpointer(client: PrismaClient): Promise<Checkpointer | undefined> {
  await client.$queryRawUnsafe("SELECT 1");
  const database = links.get(client)?.database;
  const checkpointer = database ? checkpointers.get(database) : undefined;
  await checkpointer?.ready;
  return checkpointer;
}

/** Prepared statements on the connection, for `onConnection`'s work. */
export type Sql = {
  get<T>(sql: string, ...args: unknown[]): T | undefined;
  run(sql: string, ...args: unknown[]): number;
  /** Runs `work` in BEGIN IMMEDIATE … COMMIT; a throw, or a failed COMMIT, rolls everything back. */
  transaction<T>(work: () => T): T;
};

/**
 * Synchronous access to the connection a Prisma client uses, for the few statements on the
 * request path that run on every grading and page (session lookup, grading). Prisma spends
 * about a millisecond of CPU compiling and interpreting each query; these run as prepared
 * statements, cached per connection. `work` runs alone on the connection, behind the same lock as
 * every Prisma statement and transaction, and must not await: nothing else can interleave.
 */
export async function onConnection<T>(client: PrismaClient, work: (sql: Sql) => T): Promise<T> {
  const link = links.get(client);
  if (!link) throw new Error("onConnection needs a client made by createPrismaClient");
  if (!link.database?.open) {
    // The connection opens on the client's first query.
    await client.$queryRawUnsafe("SELECT 1");
    if (!link.database) throw new Error("The SQLite adapter did not expose its connection");
  }
  const release = await link.acquire();
  try {
    const database = link.database;
    const statement = (text: string) => {
      let prepared = link.statements.get(text);
      if (!prepared) {
        // The adapter turns on 64-bit integers for its own statements; Taskdeck's fit in a double.
        prepared = database.prepare(text).safeIntegers(false);
        link.statements.set(text, prepared);
      }
      return prepared;
    };
    return work({
      get: <R>(text: string, ...args: unknown[]) => statement(text).get(...args) as R | undefined,
      run: (text, ...args) => statement(text).run(...args).changes,
      transaction: (inner) => database.transaction(inner).immediate(),
    });
  } finally {
    release();
  }
}

const STORAGE_CODES = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|NOTADB|CORRUPT|PROTOCOL)/;
const STORAGE_MESSAGES =
  /readonly database|read-only file system|database or disk is full|disk I\/O error|unable to open database|no space left on device|database disk image is malformed/i;

/**
 * True when an error means the database cannot be written (or read) at all: a read-only or full
 * disk, an I/O error, a file that cannot be opened. Such a write was not saved, and saying so is
 * the honest answer (503), not a generic server error. Looks through Prisma's wrappers (`cause`,
 * `meta`, the message) as well as better-sqlite3's own `code`.
 */
export function isStorageUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (value === null || value === undefined || depth > 5 || seen.has(value)) return false;
    if (typeof value === "string") return STORAGE_CODES.test(value) || STORAGE_MESSAGES.test(value);
    if (typeof value !== "object") return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ["code", "extendedCode", "kind", "message", "originalMessage", "originalCode"]) {
      if (typeof record[key] === "string" && visit(record[key], depth + 1)) return true;
    }
    return (
      visit(record.cause, depth + 1) ||
      visit(record.meta, depth + 1) ||
      visit(record.driverAdapterError, depth + 1)
    );
  };
  return visit(error, 0);
}

/** A DateTime as Prisma's SQLite adapter stores it ("2026-11-27T18:00:00.000+00:00"). */
export const storedDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A stored DateTime read back (ISO text, SQLite's "YYYY-MM-DD HH:MM:SS" in UTC, or epoch ms). */
export function readDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text,
  );
}

/** The session a token names, with its user and roles: one statement instead of three queries. */
export function sessionUserByToken(
  sql: Sql,
  token: string,
): {
  expiresAt: Date;
  user: { id: string; name: string; email: string; disabledAt: Date | null; roles: string[] };
} | null {
  const row = sql.get<{
    expiresAt: unknown;
    id: string;
    name: string;
    email: string;
    disabledAt: unknown;
    roles: string | null;
  }>(
    `SELECT s."expiresAt", u."id", u."name", u."email", u."disabledAt",
       (SELECT group_concat(r."role", ',') FROM "UserRole" r WHERE r."userId" = u."id") AS "roles"
     FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."token" = ?`,
    token,
  );
  if (!row) return null;
  return {
    expiresAt: readDate(row.expiresAt) ?? new Date(0),
    user: {
      id: row.id,
      name: row.name,
      email: row.email,
      disabledAt: readDate(row.disabledAt),
      roles: row.roles ? row.roles.split(",") : [],
    },
  };
}

/** A learner's StudySettings row, shaped as Prisma returns it; null when they have none. */
export function studySettingsRow(sql: Sql, userId: string) {
  const row = sql.get<{
    desiredRetention: number;
    maximumIntervalDays: number;
    enableFuzz: number;
    newPerDay: number;
    dayStartHour: number;
    timeZone: string;
    weights: string | null;
    examDate: unknown;
    examTargetRecall: number;
  }>(
    `SELECT "desiredRetention", "maximumIntervalDays", "enableFuzz", "newPerDay", "dayStartHour",
       "timeZone", "weights", "examDate", "examTargetRecall" FROM "StudySettings" WHERE "userId" = ?`,
    userId,
  );
  return row ? { ...row, enableFuzz: Boolean(row.enableFuzz), examDate: readDate(row.examDate) } : null;
}

/**
 * The stored JSON and revision of a question a learner may study: one in a shipped or published
 * bank (lib/server/data/bank-visibility.ts), never an instructor's private upload.
 */
export function questionForGrading(sql: Sql, id: string) {
  return (
    sql.get<{ id: string; data: string; revision: number }>(
      `SELECT q."id", q."data", q."revision" FROM "Question" q JOIN "Bank" b ON b."id" = q."bankId"
       WHERE q."id" = ? AND b."visibility" IN ('public', 'published')`,
      id,
    ) ?? null
  );
}

/** What a grading needs of an earlier review row with this id. */
export function reviewForGrading(sql: Sql, id: string) {
  const row = sql.get<{
    id: string;
    userId: string;
    questionId: string;
    grade: string | null;
    isCorrect: number | null;
    stateAfter: string;
  }>(
    `SELECT "id", "userId", "questionId", "grade", "isCorrect", "stateAfter" FROM "Review" WHERE "id" = ?`,
    id,
  );
  return row ? { ...row, isCorrect: row.isCorrect === null ? null : Boolean(row.isCorrect) } : null;
}

/** The columns of a study card's scheduling state. */
export type CardStateColumns = {
  phase: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
};

/** One learner's card for a question side, with its scheduling state. */
export function studyCardByKey(sql: Sql, userId: string, questionId: string, side: string) {
  const row = sql.get<
    Omit<CardStateColumns, "due" | "lastReview"> & { id: string; due: unknown; lastReview: unknown }
  >(
    `SELECT "id", "phase", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
       "learningSteps", "reps", "lapses", "lastReview"
     FROM "StudyCard" WHERE "userId" = ? AND "questionId" = ? AND "side" = ?`,
    userId,
    questionId,
    side,
  );
  if (!row) return null;
  return { ...row, due: readDate(row.due) ?? new Date(0), lastReview: readDate(row.lastReview) };
}

const stateArgs = (state: CardStateColumns) => [
  state.phase,
  storedDate(state.due),
  state.stability,
  state.difficulty,
  state.elapsedDays,
  state.scheduledDays,
  state.learningSteps,
  state.reps,
  state.lapses,
  state.lastReview ? storedDate(state.lastReview) : null,
];

/** Writes a card's new scheduling state. */
export function updateStudyCardState(sql: Sql, id: string, state: CardStateColumns, now: Date): void {
  sql.run(
    `UPDATE "StudyCard" SET "phase" = ?, "due" = ?, "stability" = ?, "difficulty" = ?, "elapsedDays" = ?,
       "scheduledDays" = ?, "learningSteps" = ?, "reps" = ?, "lapses" = ?, "lastReview" = ?, "updatedAt" = ?
     WHERE "id" = ?`,
    ...stateArgs(state),
    storedDate(now),
    id,
  );
}

/** Creates a learner's card for a question side. */
export function insertStudyCard(
  sql: Sql,
  card: { id: string; userId: string; questionId: string; side: string },
  state: CardStateColumns,
  now: Date,
): void {
  sql.run(
    `INSERT INTO "StudyCard" ("id", "userId", "questionId", "side", "phase", "due", "stability", "difficulty",
       "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    card.id,
    card.userId,
    card.questionId,
    card.side,
    ...stateArgs(state),
    storedDate(now),
    storedDate(now),
  );
}

/** Appends a grade to the review log (rows are never changed afterwards). */
export function insertGradeReview(
  sql: Sql,
  review: {
    id: string;
    userId: string;
    cardId: string;
    questionId: string;
    revision: number;
    grade: string;
    wasNew: boolean;
    stateBefore: string;
    stateAfter: string;
    durationMs: number;
    answer: string | null;
    isCorrect: boolean | null;
    confidence: string | null;
    misconception: string | null;
    clientTime: Date;
    serverTime: Date;
  },
): void {
  sql.run(
    `INSERT INTO "Review" ("id", "userId", "cardId", "questionId", "revision", "kind", "grade", "wasNew",
       "stateBefore", "stateAfter", "durationMs", "answer", "isCorrect", "confidence", "misconception",
       "clientTime", "serverTime")
     VALUES (?, ?, ?, ?, ?, 'grade', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    review.id,
    review.userId,
    review.cardId,
    review.questionId,
    review.revision,
    review.grade,
    review.wasNew ? 1 : 0,
    review.stateBefore,
    review.stateAfter,
    review.durationMs,
    review.answer,
    review.isCorrect === null ? null : review.isCorrect ? 1 : 0,
    review.confidence,
    review.misconception,
    storedDate(review.clientTime),
    storedDate(review.serverTime),
  );
}

/** What an autosave needs of a learner's attempt; null when it is not theirs or does not exist. */
export function attemptForSave(sql: Sql, attemptId: string, userId: string) {
  const row = sql.get<{ status: string; deadline: unknown; items: string }>(
    `SELECT "status", "deadline", "items" FROM "QuizAttempt" WHERE "id" = ? AND "userId" = ?`,
    attemptId,
    userId,
  );
  return row ? { ...row, deadline: readDate(row.deadline) } : null;
}

/** The saved answer to one question of an attempt, as an autosave compares it. */
export function attemptAnswerForSave(sql: Sql, attemptId: string, questionId: string) {
  const row = sql.get<{ seq: number; answer: string | null; checkedAt: unknown }>(
    `SELECT "seq", "answer", "checkedAt" FROM "AttemptAnswer" WHERE "attemptId" = ? AND "questionId" = ?`,
    attemptId,
    questionId,
  );
  return row ? { ...row, checkedAt: readDate(row.checkedAt) } : null;
}

/**
 * Writes an autosaved answer: inserts the first save, or updates one that was not checked
 * (`keepAnswer`: only the flag and counter change, for a checked answer). Returns the rows changed.
 */
export function writeAttemptAnswer(
  sql: Sql,
  save: { attemptId: string; questionId: string; answer: string | null; flagged: boolean; seq: number },
  mode: "insert" | "unchecked" | "keepAnswer",
  now: Date,
): number {
  const flagged = save.flagged ? 1 : 0;
  if (mode === "insert")
    return sql.run(
      `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "answer", "flagged", "seq", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?)`,
      save.attemptId,
      save.questionId,
      save.answer,
      flagged,
      save.seq,
      storedDate(now),
    );
  if (mode === "keepAnswer")
    return sql.run(
      `UPDATE "AttemptAnswer" SET "flagged" = ?, "seq" = ?, "updatedAt" = ? WHERE "attemptId" = ? AND "questionId" = ?`,
      flagged,
      save.seq,
      storedDate(now),
      save.attemptId,
      save.questionId,
    );
  return sql.run(
    `UPDATE "AttemptAnswer" SET "answer" = ?, "flagged" = ?, "seq" = ?, "updatedAt" = ?
     WHERE "attemptId" = ? AND "questionId" = ? AND "checkedAt" IS NULL`,
    save.answer,
    flagged,
    save.seq,
    storedDate(now),
    save.attemptId,
    save.questionId,
  );
}

const globalForPrisma = globalThis as unknown as { taskdeckPrisma?: PrismaClient };

/** The process-wide client (cached on globalThis so development reloads reuse it). */
export const prisma: PrismaClient =
  globalForPrisma.taskdeckPrisma ?? createPrismaClient(databaseUrl(), { backgroundCheckpoints: true });
if (process.env.NODE_ENV !== "production") globalForPrisma.taskdeckPrisma = prisma;

/** What the health check reports about the database. */
export type DatabaseStatus = { reachable: boolean; migrationsApplied: number; migrationsPending: boolean };

/**
 * Reads the migration table directly: the health check must work even when the schema is behind.
 * `expected` is the number of migration folders shipped with this build.
 */
export async function databaseStatus(client: PrismaClient, expected: number): Promise<DatabaseStatus> {
  try {
    const rows = await client.$queryRawUnsafe<Array<{ applied: bigint | number }>>(
      "SELECT COUNT(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = Number(rows[0]?.applied ?? 0);
    return { reachable: true, migrationsApplied: applied, migrationsPending: applied < expected };
  } catch {
    return { reachable: false, migrationsApplied: 0, migrationsPending: true };
  }
}

// ─── The progress page's aggregates (lib/server/data/progress.ts) ────────────────────────────────
// Grouped in SQL so a dashboard never carries a learner's whole review log into JavaScript. The
// study-day boundaries come from lib/progress (time zone and day-start hour, DST included); SQL
// only counts the rows between them. Graded reviews that an undo took back are subtracted.

/**
 * How Prisma's SQLite adapter stores a DateTime (`iso8601`, its default): text such as
 * "2026-03-08T08:00:00.000+00:00", which sorts in time order, so boundaries compare as text.
 */
const storedInstant = (at: Date) => at.toISOString().replace("Z", "+00:00");

/** One study day's graded reviews (undone ones left out). */
export type ReviewDayTotals = { day: number; reviews: number; correct: number; ms: number };

/** A practice question counts as correct when marked so; a flashcard when graded anything but Again. */
const CORRECT = "CASE WHEN r.isCorrect IS NOT NULL THEN r.isCorrect WHEN r.grade = 'again' THEN 0 ELSE 1 END";

/**
 * Totals per study day of one learner's graded reviews. `starts` are the days' first instants,
 * ascending; day `i` runs from `starts[i]` to `starts[i + 1]`, and the last day has no end (a
 * review stamped after it still counts in it). Reviews before `starts[0]` are left out; days
 * without reviews are absent from the result.
 */
export async function reviewTotalsByDay(
  client: PrismaClient,
  userId: string,
  starts: readonly Date[],
): Promise<ReviewDayTotals[]> {
  if (starts.length === 0) return [];
  // "~" sorts after every stored instant: the last day's open end.
  const bounds = JSON.stringify([...starts.map(storedInstant), "~"]);
  const rows = await client.$queryRawUnsafe<
    Array<{ day: number | bigint; reviews: number | bigint; correct: number | bigint; ms: number | bigint }>
  >(
    `WITH bound AS MATERIALIZED (SELECT key, value FROM json_each(?)),
     days (day, start, stop) AS (SELECT a.key, a.value, b.value FROM bound a JOIN bound b ON b.key = a.key + 1)
     SELECT day, SUM(reviews) AS reviews, SUM(correct) AS correct, SUM(ms) AS ms FROM (
       SELECT d.day, COUNT(*) AS reviews, SUM(${CORRECT}) AS correct, SUM(r.durationMs) AS ms
       FROM days d CROSS JOIN "Review" r
       WHERE r.userId = ? AND r.kind = 'grade' AND r.serverTime >= d.start AND r.serverTime < d.stop
       GROUP BY d.day
       UNION ALL
       SELECT d.day, -COUNT(*), -SUM(${CORRECT}), -SUM(r.durationMs)
       FROM "Review" u JOIN "Review" r ON r.id = u.undoneReviewId
       JOIN days d ON r.serverTime >= d.start AND r.serverTime < d.stop
       WHERE u.userId = ? AND u.kind = 'undo' AND r.kind = 'grade'
       GROUP BY d.day
     ) GROUP BY day HAVING SUM(reviews) <> 0 ORDER BY day`,
    bounds,
    userId,
    userId,
  );
  return rows.map((r) => ({
    day: Number(r.day),
    reviews: Number(r.reviews),
    correct: Number(r.correct),
    ms: Number(r.ms),
  }));
}

/** One learner's graded reviews of all time per misconception tag (null: none), undone ones left out. */
export async function reviewTotalsByMisconception(
  client: PrismaClient,
  userId: string,
): Promise<Array<{ misconception: string | null; reviews: number; ms: number }>> {
  const rows = await client.$queryRawUnsafe<
    Array<{ misconception: string | null; reviews: number | bigint; ms: number | bigint | null }>
  >(
    `SELECT misconception, SUM(reviews) AS reviews, SUM(ms) AS ms FROM (
       SELECT r.misconception, COUNT(*) AS reviews, SUM(r.durationMs) AS ms
       FROM "Review" r WHERE r.userId = ? AND r.kind = 'grade'
       GROUP BY r.misconception
       UNION ALL
       SELECT r.misconception, -COUNT(*), -SUM(r.durationMs)
       FROM "Review" u JOIN "Review" r ON r.id = u.undoneReviewId
       WHERE u.userId = ? AND u.kind = 'undo' AND r.kind = 'grade'
       GROUP BY r.misconception
     ) GROUP BY misconception HAVING SUM(reviews) <> 0`,
    userId,
    userId,
  );
  return rows.map((r) => ({
    misconception: r.misconception,
    reviews: Number(r.reviews),
    ms: Number(r.ms ?? 0),
  }));
}

/** One learner's study cards with their question's topic, narrowed to what mastery and forecasts need. */
export type ProgressCardRow = {
  topic: string;
  phase: string;
  stability: number;
  lastReview: Date | null;
  scheduledDays: number;
  due: Date;
  suspended: boolean;
};

export async function progressCardRows(client: PrismaClient, userId: string): Promise<ProgressCardRow[]> {
  const rows = await client.$queryRawUnsafe<
    Array<{
      topic: string | null;
      phase: string;
      stability: number;
      lastReview: string | Date | null;
      scheduledDays: number | bigint;
      due: string | Date;
      suspended: number | bigint;
    }>
  >(
    `SELECT q.topic, c.phase, c.stability, c.lastReview, c.scheduledDays, c.due, c.suspendedAt IS NOT NULL AS suspended
     FROM "StudyCard" c LEFT JOIN "Question" q ON q.id = c.questionId WHERE c.userId = ?`,
    userId,
  );
  return rows.map((r) => ({
    topic: r.topic ?? "",
    phase: r.phase,
    stability: Number(r.stability),
    lastReview: r.lastReview === null ? null : new Date(r.lastReview),
    scheduledDays: Number(r.scheduledDays),
    due: new Date(r.due),
    suspended: Number(r.suspended) !== 0,
  }));
}

/**
 * Live questions per topic and kind, with how many of them are reversible flashcards (two study
 * cards each), read without carrying every question's JSON into JavaScript.
 */
export async function questionCountsByTopic(
  client: PrismaClient,
): Promise<Array<{ topic: string; kind: string; questions: number; reversible: number }>> {
  const rows = await client.$queryRawUnsafe<
    Array<{ topic: string; kind: string; questions: number | bigint; reversible: number | bigint }>
  >(
    `SELECT topic, kind, COUNT(*) AS questions,
       SUM(kind = 'flashcard' AND json_valid(data) AND json_extract(data, '$.reversible') IS 1) AS reversible
     FROM "Question"
     WHERE retiredAt IS NULL
       AND bankId IN (SELECT id FROM "Bank" WHERE visibility IN ('public', 'published'))
     GROUP BY topic, kind`,
  );
  return rows.map((r) => ({
    topic: r.topic,
    kind: r.kind,
    questions: Number(r.questions),
    reversible: Number(r.reversible),
  }));
}
