import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storageStateOf } from "../errors";
import type {
  AnswerSave,
  AnswerWriteMode,
  CardStateColumns,
  DatabaseStatus,
  GradingOutcome,
  GradingWrite,
  ImportedCardRow,
  ImportedReviewRow,
  NewQuestionRow,
  StorageState,
  Store,
} from "../store";
import { readDate, type Sql, type SqliteLink, storedDate } from "./client";

// The hot paths on SQLite, as prepared statements on the hot-path connection (./client.ts).
// Each call is one turn on that connection; a grading's or autosave's writes are one
// BEGIN IMMEDIATE transaction, and their guards are in the SQL (see ../store.ts).

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

/** A practice question counts as correct when marked so; a flashcard when graded anything but Again. */
const CORRECT = "CASE WHEN r.isCorrect IS NOT NULL THEN r.isCorrect WHEN r.grade = 'again' THEN 0 ELSE 1 END";

/** Below this much free space the database can no longer be trusted to take a write. */
const MIN_FREE_BYTES = 8 * 2 ** 20;

/** Applies one grading's writes; "card-changed" or "review-exists" roll everything back. */
function applyGradingOn(sql: Sql, write: GradingWrite): GradingOutcome {
  const { card, review, now } = write;
  class Lost extends Error {
    constructor(readonly outcome: GradingOutcome) {
      super(outcome);
    }
  }
  try {
    return sql.transaction(() => {
      const cardChanged =
        card.expectedVersion === null
          ? sql.run(
              `INSERT INTO "StudyCard" ("id", "userId", "questionId", "side", "phase", "due", "stability", "difficulty",
                 "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "createdAt", "updatedAt", "version")
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
               ON CONFLICT ("userId", "questionId", "side") DO NOTHING`,
              card.id,
              card.userId,
              card.questionId,
              card.side,
              ...stateArgs(card.state),
              storedDate(now),
              storedDate(now),
            )
          : sql.run(
              `UPDATE "StudyCard" SET "phase" = ?, "due" = ?, "stability" = ?, "difficulty" = ?, "elapsedDays" = ?,
                 "scheduledDays" = ?, "learningSteps" = ?, "reps" = ?, "lapses" = ?, "lastReview" = ?, "updatedAt" = ?,
                 "version" = "version" + 1
               WHERE "id" = ? AND "version" = ?`,
              ...stateArgs(card.state),
              storedDate(now),
              card.id,
              card.expectedVersion,
            );
      if (cardChanged === 0) throw new Lost("card-changed");
      const inserted = sql.run(
        `INSERT INTO "Review" ("id", "userId", "cardId", "questionId", "revision", "kind", "grade", "wasNew",
           "stateBefore", "stateAfter", "durationMs", "answer", "isCorrect", "confidence", "misconception",
           "clientTime", "serverTime")
         VALUES (?, ?, ?, ?, ?, 'grade', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("id") DO NOTHING`,
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
      if (inserted === 0) throw new Lost("review-exists");
      return "applied" as const;
    });
  } catch (error) {
    if (error instanceof Lost) return error.outcome;
    throw error;
  }
}

/** Autosave's guarded writes (see Store.writeAnswer). */
function writeAnswerOn(sql: Sql, save: AnswerSave, mode: AnswerWriteMode, now: Date): number {
  const flagged = save.flagged ? 1 : 0;
  const isOpen = `EXISTS (SELECT 1 FROM "QuizAttempt" WHERE "id" = ? AND "status" = 'open')`;
  return sql.transaction(() => {
    if (mode === "insert")
      return sql.run(
        `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "answer", "flagged", "seq", "updatedAt")
         SELECT ?, ?, ?, ?, ?, ? WHERE ${isOpen}
         ON CONFLICT ("attemptId", "questionId") DO NOTHING`,
        save.attemptId,
        save.questionId,
        save.answer,
        flagged,
        save.seq,
        storedDate(now),
        save.attemptId,
      );
    if (mode === "keepAnswer")
      return sql.run(
        `UPDATE "AttemptAnswer" SET "flagged" = ?, "seq" = ?, "updatedAt" = ?
         WHERE "attemptId" = ? AND "questionId" = ? AND "seq" < ? AND "checkedAt" IS NOT NULL AND ${isOpen}`,
        flagged,
        save.seq,
        storedDate(now),
        save.attemptId,
        save.questionId,
        save.seq,
        save.attemptId,
      );
    return sql.run(
      `UPDATE "AttemptAnswer" SET "answer" = ?, "flagged" = ?, "seq" = ?, "updatedAt" = ?
       WHERE "attemptId" = ? AND "questionId" = ? AND "seq" < ? AND "checkedAt" IS NULL AND ${isOpen}`,
      save.answer,
      flagged,
      save.seq,
      storedDate(now),
      save.attemptId,
      save.questionId,
      save.seq,
      save.attemptId,
    );
  });
}

/** New questions and their first revisions, one multi-row INSERT each (see Store.insertNewQuestions). */
function insertNewQuestionsOn(sql: Sql, rows: readonly NewQuestionRow[], now: Date): void {
  const at = storedDate(now);
  sql.transaction(() => {
    sql.run(
      `INSERT INTO "Question" ("id", "bankId", "kind", "title", "topic", "difficulty", "tags", "hasSim",
         "position", "data", "contentHash", "revision", "retiredAt", "createdAt", "updatedAt")
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, ?, ?)").join(", ")}`,
      ...rows.flatMap((r) => [
        r.id,
        r.bankId,
        r.kind,
        r.title,
        r.topic,
        r.difficulty,
        r.tags,
        r.hasSim ? 1 : 0,
        r.position,
        r.data,
        r.contentHash,
        at,
        at,
      ]),
    );
    sql.run(
      `INSERT INTO "QuestionRevision" ("questionId", "revision", "contentHash", "data", "createdAt")
       VALUES ${rows.map(() => "(?, 1, ?, ?, ?)").join(", ")}`,
      ...rows.flatMap((r) => [r.id, r.contentHash, r.data, at]),
    );
  });
}

/** Rows per multi-row INSERT of an import: a review row binds 11 values, far below SQLite's limit. */
const IMPORT_ROWS_PER_STATEMENT = 500;

/** In groups of IMPORT_ROWS_PER_STATEMENT. */
function inGroups<T>(rows: readonly T[], each: (group: readonly T[]) => void) {
  for (let start = 0; start < rows.length; start += IMPORT_ROWS_PER_STATEMENT)
    each(rows.slice(start, start + IMPORT_ROWS_PER_STATEMENT));
}

/** One part of a deck import (see Store.insertImportedCards), in one transaction. */
function insertImportedCardsOn(
  sql: Sql,
  questions: readonly NewQuestionRow[],
  cards: readonly ImportedCardRow[],
  reviews: readonly ImportedReviewRow[],
  now: Date,
): void {
  const at = storedDate(now);
  sql.transaction(() => {
    if (questions.length > 0) insertNewQuestionsOn(sql, questions, now);
    inGroups(cards, (group) =>
      sql.run(
        `INSERT INTO "StudyCard" ("id", "userId", "questionId", "side", "phase", "due", "stability", "difficulty",
           "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "createdAt", "updatedAt", "version")
         VALUES ${group.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)").join(", ")}`,
        ...group.flatMap((c) => [c.id, c.userId, c.questionId, c.side, ...stateArgs(c.state), at, at]),
      ),
    );
    inGroups(reviews, (group) =>
      sql.run(
        `INSERT INTO "Review" ("id", "userId", "cardId", "questionId", "revision", "kind", "grade", "wasNew",
           "stateBefore", "stateAfter", "durationMs", "clientTime", "serverTime")
         VALUES ${group.map(() => "(?, ?, ?, ?, ?, 'grade', ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        ...group.flatMap((r) => {
          const when = storedDate(r.at);
          return [
            r.id,
            r.userId,
            r.cardId,
            r.questionId,
            r.revision,
            r.grade,
            r.wasNew ? 1 : 0,
            r.stateBefore,
            r.stateAfter,
            r.durationMs,
            when,
            when,
          ];
        }),
      ),
    );
  });
}

/** The SQLite store over a client's link. */
export function createSqliteStore(client: PrismaClient, link: SqliteLink): Store {
  const on = <T>(work: (sql: Sql) => T) => link.onConnection(work);
  return {
    dialect: "sqlite",
    sessionUserByToken: (token) =>
      on((sql) => {
        const row = sql.get<{
          expiresAt: unknown;
          id: string;
          name: string;
          email: string;
          disabledAt: unknown;
          roles: string | null;
          locale: string | null;
        }>(
          `SELECT s."expiresAt", u."id", u."name", u."email", u."disabledAt",
             (SELECT group_concat(r."role", ',') FROM "UserRole" r WHERE r."userId" = u."id") AS "roles",
             (SELECT st."locale" FROM "StudySettings" st WHERE st."userId" = u."id") AS "locale"
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
            locale: row.locale,
          },
        };
      }),
    gradingContext: (userId, questionId) =>
      on((sql) => {
        const settings = sql.get<{
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
        // Only a question of a shipped or published bank, or of the learner's own deck
        // (lib/server/data/bank-visibility.ts).
        const question = sql.get<{ id: string; data: string; revision: number }>(
          `SELECT q."id", q."data", q."revision" FROM "Question" q JOIN "Bank" b ON b."id" = q."bankId"
           WHERE q."id" = ? AND (b."visibility" IN ('public', 'published')
             OR (b."visibility" = 'personal' AND b."ownerId" = ?))`,
          questionId,
          userId,
        );
        return {
          settings: settings
            ? { ...settings, enableFuzz: Boolean(settings.enableFuzz), examDate: readDate(settings.examDate) }
            : null,
          question: question ?? null,
        };
      }),
    reviewById: (id) =>
      on((sql) => {
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
      }),
    studyCardByKey: (userId, questionId, side) =>
      on((sql) => {
        const row = sql.get<
          Omit<CardStateColumns, "due" | "lastReview"> & {
            id: string;
            version: number;
            due: unknown;
            lastReview: unknown;
          }
        >(
          `SELECT "id", "phase", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
             "learningSteps", "reps", "lapses", "lastReview", "version"
           FROM "StudyCard" WHERE "userId" = ? AND "questionId" = ? AND "side" = ?`,
          userId,
          questionId,
          side,
        );
        if (!row) return null;
        return { ...row, due: readDate(row.due) ?? new Date(0), lastReview: readDate(row.lastReview) };
      }),
    applyGrading: (write) => on((sql) => applyGradingOn(sql, write)),
    attemptForSave: (attemptId, userId) =>
      on((sql) => {
        const row = sql.get<{ status: string; deadline: unknown; items: string }>(
          `SELECT "status", "deadline", "items" FROM "QuizAttempt" WHERE "id" = ? AND "userId" = ?`,
          attemptId,
          userId,
        );
        return row ? { ...row, deadline: readDate(row.deadline) } : null;
      }),
    savedAnswer: (attemptId, questionId) =>
      on((sql) => {
        const row = sql.get<{ seq: number; answer: string | null; checkedAt: unknown }>(
          `SELECT "seq", "answer", "checkedAt" FROM "AttemptAnswer" WHERE "attemptId" = ? AND "questionId" = ?`,
          attemptId,
          questionId,
        );
        return row ? { ...row, checkedAt: readDate(row.checkedAt) } : null;
      }),
    writeAnswer: (save, mode, now) => on((sql) => writeAnswerOn(sql, save, mode, now)),
    openAttemptsOf: (userId) =>
      on((sql) =>
        sql
          .all<{ deadline: unknown; items: string }>(
            `SELECT "deadline", "items" FROM "QuizAttempt" WHERE "userId" = ? AND "status" = 'open'`,
            userId,
          )
          .map((row) => ({ deadline: readDate(row.deadline), items: row.items })),
      ),
    isOffRoster: (attemptId, userId) =>
      on((sql) =>
        Boolean(
          sql.get(
            `SELECT 1 FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
             WHERE a."id" = ? AND a."userId" = ? AND q."mode" = 'quiz' AND q."classId" IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM "ClassMember" m WHERE m."classId" = q."classId" AND m."userId" = a."userId")`,
            attemptId,
            userId,
          ),
        ),
      ),

    // The progress page's aggregates, grouped in SQL so a dashboard never carries a learner's
    // whole review log into JavaScript. Graded reviews that an undo took back are subtracted.
    reviewTotalsByDay: async (userId, starts) => {
      if (starts.length === 0) return [];
      // "~" sorts after every stored instant: the last day's open end.
      const bounds = JSON.stringify([...starts.map(storedDate), "~"]);
      const rows = await client.$queryRawUnsafe<
        Array<{
          day: number | bigint;
          reviews: number | bigint;
          correct: number | bigint;
          ms: number | bigint;
        }>
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
    },
    reviewTotalsByMisconception: async (userId) => {
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
    },
    progressCardRows: async (userId) => {
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
    },
    deckProgress: (userId, deckIds, now, matureDays) =>
      deckIds.length === 0
        ? Promise.resolve([])
        : on((sql) =>
            sql
              .all<{
                deckId: string;
                studied: number | bigint;
                dueNow: number | bigint;
                mature: number | bigint;
              }>(
                // Dates are compared as instants: the stored text (ISO with an offset) through
                // julianday, an epoch-milliseconds integer (readDate reads both) by arithmetic.
                // CROSS JOIN keeps the deck's questions as the outer loop (SQLite does not reorder
                // it): the learner's cards are then found by their unique key, so the cost is the
                // deck's size, not all of the learner's cards (~21 → ~15 ms for a 5,000-card deck
                // of a learner with 15,000 cards, measured 2026-12-07).
                `SELECT q."bankId" AS "deckId", COUNT(DISTINCT c."questionId") AS "studied",
                   SUM(CASE WHEN c."suspendedAt" IS NULL
                     AND (CASE typeof(c."due") WHEN 'integer' THEN c."due" / 86400000.0 + 2440587.5
                          ELSE julianday(c."due") END) <= julianday(?) THEN 1 ELSE 0 END) AS "dueNow",
                   COUNT(DISTINCT CASE WHEN c."scheduledDays" >= ? THEN c."questionId" END) AS "mature"
                 FROM "Question" q CROSS JOIN "StudyCard" c ON c."questionId" = q."id"
                 WHERE c."userId" = ? AND c."phase" <> 'new' AND q."retiredAt" IS NULL
                   AND q."bankId" IN (${deckIds.map(() => "?").join(", ")})
                 GROUP BY q."bankId"`,
                storedDate(now),
                matureDays,
                userId,
                ...deckIds,
              )
              .map((r) => ({
                deckId: r.deckId,
                studied: Number(r.studied),
                dueNow: Number(r.dueNow),
                mature: Number(r.mature),
              })),
          ),
    studiedQuestionIds: (userId, questionIds) =>
      questionIds.length === 0
        ? Promise.resolve([])
        : on((sql) =>
            sql
              .all<{ questionId: string }>(
                `SELECT DISTINCT "questionId" FROM "StudyCard"
                 WHERE "userId" = ? AND "phase" <> 'new' AND "questionId" IN (${questionIds.map(() => "?").join(", ")})`,
                userId,
                ...questionIds,
              )
              .map((r) => r.questionId),
          ),
    questionCountsByTopic: async () => {
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
    },
    databaseStatus: (expected) => sqliteDatabaseStatus(client, expected),
    storageState: () => sqliteStorageState(link),
    insertNewQuestions: (rows, now) =>
      rows.length === 0 ? Promise.resolve() : on((sql) => insertNewQuestionsOn(sql, rows, now)),
    insertImportedCards: (questions, cards, reviews, now) =>
      on((sql) => insertImportedCardsOn(sql, questions, cards, reviews, now)),
    moveStagedCards: (stagingId, deck, now) =>
      on((sql) =>
        sql.transaction(() => {
          const owned = sql.get(
            `SELECT 1 AS "one" FROM "Bank" WHERE "id" = ? AND "ownerId" = ? AND "visibility" = ?`,
            deck.id,
            deck.ownerId,
            deck.visibility,
          );
          if (!owned) return false;
          if (stagingId) {
            sql.run(
              `UPDATE "Question" SET "bankId" = ?, "updatedAt" = ? WHERE "bankId" = ?`,
              deck.id,
              storedDate(now),
              stagingId,
            );
            sql.run(`DELETE FROM "Bank" WHERE "id" = ?`, stagingId);
          }
          return true;
        }),
      ),
    bankCounts: () =>
      on((sql) => {
        const row = sql.get<{ synced: number; questions: number; lastSync: unknown; skipped: number | null }>(
          `SELECT (SELECT COUNT(*) FROM "Bank") AS "synced",
             (SELECT COUNT(*) FROM "Question" WHERE "retiredAt" IS NULL) AS "questions",
             (SELECT "finishedAt" FROM "SyncRun" ORDER BY "id" DESC LIMIT 1) AS "lastSync",
             (SELECT "banksSkipped" FROM "SyncRun" ORDER BY "id" DESC LIMIT 1) AS "skipped"`,
        );
        return {
          synced: row?.synced ?? 0,
          questions: row?.questions ?? 0,
          lastSync: readDate(row?.lastSync),
          skipped: row?.skipped ?? 0,
        };
      }),
  };
}

async function sqliteDatabaseStatus(client: PrismaClient, expected: number): Promise<DatabaseStatus> {
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

/**
 * Can the database be written? Checks the file and its folder (SQLite writes its -wal and -shm
 * beside the file; a read-only mount fails these even for root), free space, and finally asks
 * SQLite itself with an UPDATE that matches no row: refused on a read-only connection, "busy"
 * when another process holds the write lock beyond one short wait (health answers at once rather
 * than retrying), and otherwise it changes nothing.
 */
async function sqliteStorageState(link: SqliteLink): Promise<StorageState> {
  const resolved = path.resolve(link.file);
  try {
    fs.accessSync(path.dirname(resolved), fs.constants.W_OK);
    if (fs.existsSync(resolved)) fs.accessSync(resolved, fs.constants.W_OK);
  } catch {
    return "read-only";
  }
  try {
    const stats = fs.statfsSync(path.dirname(resolved));
    if (stats.bavail * stats.bsize < MIN_FREE_BYTES) return "full";
  } catch {
    // statfs is unavailable on some platforms: rely on the write probe below.
  }
  try {
    await link.onConnection(
      (sql) => sql.transaction(() => sql.run(`UPDATE "SyncRun" SET "banksSynced" = 0 WHERE "id" = -1`)),
      { once: true },
    );
  } catch (error) {
    // Anything else (schema behind, database unreachable) is reported by the other checks.
    return storageStateOf(error) ?? "ok";
  }
  return "ok";
}
