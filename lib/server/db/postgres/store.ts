import "server-only";
import type pg from "pg";
import { storageStateOf } from "../errors";
import type {
  AnswerSave,
  AnswerWriteMode,
  CardStateColumns,
  GradingOutcome,
  GradingWrite,
  ImportedCardRow,
  ImportedReviewRow,
  NewQuestionRow,
  StorageState,
  Store,
  StudySettingsRow,
} from "../store";

// The hot paths on PostgreSQL: named prepared statements on the process's pool. Under READ
// COMMITTED a guarded UPDATE or an INSERT … ON CONFLICT that meets a concurrent writer waits for
// it to commit and then re-checks its condition, so the guards in ../store.ts hold across
// processes. An autosave locks its attempt row FOR SHARE, so it and the attempt's finishing
// (which updates that row first) run one after the other, never interleaved.

type Queryable = pg.Pool | pg.PoolClient;

/** A practice question counts as correct when marked so; a flashcard when graded anything but Again. */
const CORRECT = `CASE WHEN r."isCorrect" IS NOT NULL THEN (CASE WHEN r."isCorrect" THEN 1 ELSE 0 END)
  WHEN r."grade" = 'again' THEN 0 ELSE 1 END`;

const stateArgs = (state: CardStateColumns) => [
  state.phase,
  state.due,
  state.stability,
  state.difficulty,
  state.elapsedDays,
  state.scheduledDays,
  state.learningSteps,
  state.reps,
  state.lapses,
  state.lastReview,
];

async function one<T>(db: Queryable, name: string, text: string, values: unknown[]): Promise<T | null> {
  const result = await db.query({ name, text, values });
  return (result.rows[0] as T | undefined) ?? null;
}

async function changes(db: Queryable, name: string, text: string, values: unknown[]): Promise<number> {
  return (await db.query({ name, text, values })).rowCount ?? 0;
}

/** Runs `work` in one transaction on one pooled connection; a throw rolls it back. */
async function inTransaction<T>(pool: pg.Pool, work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  let broken = false;
  try {
    await db.query("BEGIN");
    const result = await work(db);
    await db.query("COMMIT");
    return result;
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    db.release(broken);
  }
}

/** `($1, $2, …), ($n+1, …)`: one group of `width` placeholders per row, `fixed` SQL after each group's own. */
function valueGroups(rows: number, width: number, fixed: string): string {
  return Array.from({ length: rows }, (_, r) => {
    const own = Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ");
    return `(${own}${fixed})`;
  }).join(", ");
}

/**
 * New questions and their first revisions, one multi-row INSERT each (see Store.insertNewQuestions).
 * Statements are named by their row count, so each batch size is prepared once per connection.
 */
async function insertNewQuestionsOn(db: pg.PoolClient, rows: readonly NewQuestionRow[], now: Date) {
  const n = rows.length;
  await db.query({
    name: `td_new_questions_${n}`,
    text: `INSERT INTO "Question" ("id", "bankId", "kind", "title", "topic", "difficulty", "tags", "hasSim",
             "position", "data", "contentHash", "revision", "retiredAt", "createdAt", "updatedAt")
           VALUES ${valueGroups(n, 11, `, 1, NULL, $${n * 11 + 1}, $${n * 11 + 1}`)}`,
    values: [
      ...rows.flatMap((r) => [
        r.id,
        r.bankId,
        r.kind,
        r.title,
        r.topic,
        r.difficulty,
        r.tags,
        r.hasSim,
        r.position,
        r.data,
        r.contentHash,
      ]),
      now,
    ],
  });
  await db.query({
    name: `td_new_revisions_${n}`,
    text: `INSERT INTO "QuestionRevision" ("questionId", "contentHash", "data", "createdAt", "revision")
           VALUES ${valueGroups(n, 3, `, $${n * 3 + 1}, 1`)}`,
    values: [...rows.flatMap((r) => [r.id, r.contentHash, r.data]), now],
  });
}

/** Rows per multi-row INSERT of an import: 500 review rows bind 5,500 values, under 65,535. */
const IMPORT_ROWS_PER_STATEMENT = 500;

/**
 * One part of a deck import (see Store.insertImportedCards), inside the caller's transaction.
 * Unnamed statements: their row counts vary, and an import is rare beside gradings.
 */
async function insertImportedCardsOn(
  db: pg.PoolClient,
  questions: readonly NewQuestionRow[],
  cards: readonly ImportedCardRow[],
  reviews: readonly ImportedReviewRow[],
  now: Date,
) {
  if (questions.length > 0) await insertNewQuestionsOn(db, questions, now);
  for (let start = 0; start < cards.length; start += IMPORT_ROWS_PER_STATEMENT) {
    const group = cards.slice(start, start + IMPORT_ROWS_PER_STATEMENT);
    const n = group.length;
    await db.query({
      text: `INSERT INTO "StudyCard" ("id", "userId", "questionId", "side", "phase", "due", "stability", "difficulty",
               "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "createdAt", "updatedAt", "version")
             VALUES ${valueGroups(n, 14, `, $${n * 14 + 1}, $${n * 14 + 1}, 0`)}`,
      values: [...group.flatMap((c) => [c.id, c.userId, c.questionId, c.side, ...stateArgs(c.state)]), now],
    });
  }
  for (let start = 0; start < reviews.length; start += IMPORT_ROWS_PER_STATEMENT) {
    const group = reviews.slice(start, start + IMPORT_ROWS_PER_STATEMENT);
    await db.query({
      text: `INSERT INTO "Review" ("id", "userId", "cardId", "questionId", "revision", "grade", "wasNew",
               "stateBefore", "stateAfter", "durationMs", "clientTime", "serverTime", "kind")
             VALUES ${valueGroups(group.length, 12, ", 'grade'")}`,
      values: group.flatMap((r) => [
        r.id,
        r.userId,
        r.cardId,
        r.questionId,
        r.revision,
        r.grade,
        r.wasNew,
        r.stateBefore,
        r.stateAfter,
        r.durationMs,
        r.at,
        r.at,
      ]),
    });
  }
}

class Lost extends Error {
  constructor(readonly outcome: GradingOutcome) {
    super(outcome);
  }
}

async function applyGrading(pool: pg.Pool, write: GradingWrite): Promise<GradingOutcome> {
  const { card, review, now } = write;
  try {
    return await inTransaction(pool, async (db) => {
      const cardChanged =
        card.expectedVersion === null
          ? await changes(
              db,
              "td_card_insert",
              `INSERT INTO "StudyCard" ("id", "userId", "questionId", "side", "phase", "due", "stability", "difficulty",
                 "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "createdAt", "updatedAt", "version")
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, 1)
               ON CONFLICT ("userId", "questionId", "side") DO NOTHING`,
              [card.id, card.userId, card.questionId, card.side, ...stateArgs(card.state), now],
            )
          : await changes(
              db,
              "td_card_update",
              `UPDATE "StudyCard" SET "phase" = $1, "due" = $2, "stability" = $3, "difficulty" = $4, "elapsedDays" = $5,
                 "scheduledDays" = $6, "learningSteps" = $7, "reps" = $8, "lapses" = $9, "lastReview" = $10,
                 "updatedAt" = $11, "version" = "version" + 1
               WHERE "id" = $12 AND "version" = $13`,
              [...stateArgs(card.state), now, card.id, card.expectedVersion],
            );
      if (cardChanged === 0) throw new Lost("card-changed");
      const inserted = await changes(
        db,
        "td_review_insert",
        `INSERT INTO "Review" ("id", "userId", "cardId", "questionId", "revision", "kind", "grade", "wasNew",
           "stateBefore", "stateAfter", "durationMs", "answer", "isCorrect", "confidence", "misconception",
           "clientTime", "serverTime")
         VALUES ($1, $2, $3, $4, $5, 'grade', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT ("id") DO NOTHING`,
        [
          review.id,
          review.userId,
          review.cardId,
          review.questionId,
          review.revision,
          review.grade,
          review.wasNew,
          review.stateBefore,
          review.stateAfter,
          review.durationMs,
          review.answer,
          review.isCorrect,
          review.confidence,
          review.misconception,
          review.clientTime,
          review.serverTime,
        ],
      );
      if (inserted === 0) throw new Lost("review-exists");
      return "applied" as const;
    });
  } catch (error) {
    if (error instanceof Lost) return error.outcome;
    throw error;
  }
}

async function writeAnswer(
  pool: pg.Pool,
  save: AnswerSave,
  mode: AnswerWriteMode,
  now: Date,
): Promise<number> {
  return inTransaction(pool, async (db) => {
    const open = await one(
      db,
      "td_attempt_lock",
      `SELECT 1 FROM "QuizAttempt" WHERE "id" = $1 AND "status" = 'open' FOR SHARE`,
      [save.attemptId],
    );
    if (!open) return 0;
    if (mode === "insert")
      return changes(
        db,
        "td_answer_insert",
        `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "answer", "flagged", "seq", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("attemptId", "questionId") DO NOTHING`,
        [save.attemptId, save.questionId, save.answer, save.flagged, save.seq, now],
      );
    if (mode === "keepAnswer")
      return changes(
        db,
        "td_answer_keep",
        `UPDATE "AttemptAnswer" SET "flagged" = $1, "seq" = $2, "updatedAt" = $3
         WHERE "attemptId" = $4 AND "questionId" = $5 AND "seq" < $2 AND "checkedAt" IS NOT NULL`,
        [save.flagged, save.seq, now, save.attemptId, save.questionId],
      );
    return changes(
      db,
      "td_answer_update",
      `UPDATE "AttemptAnswer" SET "answer" = $1, "flagged" = $2, "seq" = $3, "updatedAt" = $4
       WHERE "attemptId" = $5 AND "questionId" = $6 AND "seq" < $3 AND "checkedAt" IS NULL`,
      [save.answer, save.flagged, save.seq, now, save.attemptId, save.questionId],
    );
  });
}

/**
 * Whether a write could land now, in one round trip on the health check's own connection: a write
 * that matches no row, rolled back, refused on a read-only server or a standby, "busy" when a lock
 * holds it past 250 ms.
 */
async function storageState(health: pg.Pool): Promise<StorageState> {
  const db = await health.connect();
  let broken = false;
  try {
    await db.query(
      `BEGIN; SET LOCAL lock_timeout = '250ms'; UPDATE "SyncRun" SET "banksSynced" = 0 WHERE "id" = -1; ROLLBACK`,
    );
    return "ok";
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {
      broken = true;
    });
    // Anything else (schema behind, server unreachable) is reported by the other checks.
    return storageStateOf(error) ?? "ok";
  } finally {
    db.release(broken);
  }
}

/**
 * The PostgreSQL store over a process's pool. The health check has a connection of its own
 * (`health`): behind a busy pool a load balancer's probe would wait its turn and take a healthy
 * process out of service exactly when it is needed.
 */
export function createPostgresStore(pool: pg.Pool, health: pg.Pool = pool): Store {
  return {
    dialect: "postgres",
    async sessionUserByToken(token) {
      const row = await one<{
        expiresAt: Date;
        id: string;
        name: string;
        email: string;
        disabledAt: Date | null;
        roles: string | null;
        locale: string | null;
      }>(
        pool,
        "td_session",
        `SELECT s."expiresAt", u."id", u."name", u."email", u."disabledAt",
           (SELECT string_agg(r."role", ',') FROM "UserRole" r WHERE r."userId" = u."id") AS "roles",
           (SELECT st."locale" FROM "StudySettings" st WHERE st."userId" = u."id") AS "locale"
         FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."token" = $1`,
        [token],
      );
      if (!row) return null;
      const { expiresAt, roles, ...user } = row;
      return { expiresAt, user: { ...user, roles: roles ? roles.split(",") : [] } };
    },
    async gradingContext(userId, questionId) {
      const [settings, question] = await Promise.all([
        // node-postgres returns these columns already in the row's shape (booleans, timestamptz as Date).
        one<StudySettingsRow>(
          pool,
          "td_settings",
          `SELECT "desiredRetention", "maximumIntervalDays", "enableFuzz", "newPerDay", "dayStartHour",
             "timeZone", "weights", "examDate", "examTargetRecall" FROM "StudySettings" WHERE "userId" = $1`,
          [userId],
        ),
        // Only a question of a shipped or published bank, or of the learner's own deck
        // (lib/server/data/bank-visibility.ts).
        one<{ id: string; data: string; revision: number }>(
          pool,
          "td_question",
          `SELECT q."id", q."data", q."revision" FROM "Question" q JOIN "Bank" b ON b."id" = q."bankId"
           WHERE q."id" = $1 AND (b."visibility" IN ('public', 'published')
             OR (b."visibility" = 'personal' AND b."ownerId" = $2))`,
          [questionId, userId],
        ),
      ]);
      return { settings, question };
    },
    reviewById: (id) =>
      one(
        pool,
        "td_review",
        `SELECT "id", "userId", "questionId", "grade", "isCorrect", "stateAfter" FROM "Review" WHERE "id" = $1`,
        [id],
      ),
    studyCardByKey: (userId, questionId, side) =>
      one(
        pool,
        "td_card",
        `SELECT "id", "phase", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
           "learningSteps", "reps", "lapses", "lastReview", "version"
         FROM "StudyCard" WHERE "userId" = $1 AND "questionId" = $2 AND "side" = $3`,
        [userId, questionId, side],
      ),
    applyGrading: (write) => applyGrading(pool, write),
    attemptForSave: (attemptId, userId) =>
      one(
        pool,
        "td_attempt",
        `SELECT "status", "deadline", "items" FROM "QuizAttempt" WHERE "id" = $1 AND "userId" = $2`,
        [attemptId, userId],
      ),
    savedAnswer: (attemptId, questionId) =>
      one(
        pool,
        "td_answer",
        `SELECT "seq", "answer", "checkedAt" FROM "AttemptAnswer" WHERE "attemptId" = $1 AND "questionId" = $2`,
        [attemptId, questionId],
      ),
    writeAnswer: (save, mode, now) => writeAnswer(pool, save, mode, now),
    async openAttemptsOf(userId) {
      const result = await pool.query<{ deadline: Date | null; items: string }>({
        name: "td_open_attempts",
        text: `SELECT "deadline", "items" FROM "QuizAttempt" WHERE "userId" = $1 AND "status" = 'open'`,
        values: [userId],
      });
      return result.rows;
    },
    async isOffRoster(attemptId, userId) {
      const row = await one(
        pool,
        "td_off_roster",
        `SELECT 1 FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
         WHERE a."id" = $1 AND a."userId" = $2 AND q."mode" = 'quiz' AND q."classId" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "ClassMember" m WHERE m."classId" = q."classId" AND m."userId" = a."userId")`,
        [attemptId, userId],
      );
      return row !== null;
    },

    // The progress page's aggregates (see ../sqlite/store.ts for what each counts).
    async reviewTotalsByDay(userId, starts) {
      if (starts.length === 0) return [];
      const result = await pool.query<{ day: number; reviews: string; correct: string; ms: string }>({
        name: "td_totals_by_day",
        text: `WITH bound AS (
             SELECT (t.o - 1)::int AS day, t.s AS start FROM unnest($1::timestamptz[]) WITH ORDINALITY AS t(s, o)
           ),
           days AS (SELECT day, start, LEAD(start) OVER (ORDER BY day) AS stop FROM bound)
           SELECT day, SUM(reviews) AS reviews, SUM(correct) AS correct, SUM(ms) AS ms FROM (
             SELECT d.day, COUNT(*) AS reviews, SUM(${CORRECT}) AS correct, SUM(r."durationMs") AS ms
             FROM days d JOIN "Review" r ON r."serverTime" >= d.start AND (d.stop IS NULL OR r."serverTime" < d.stop)
             WHERE r."userId" = $2 AND r."kind" = 'grade'
             GROUP BY d.day
             UNION ALL
             SELECT d.day, -COUNT(*), -SUM(${CORRECT}), -SUM(r."durationMs")
             FROM "Review" u JOIN "Review" r ON r."id" = u."undoneReviewId"
             JOIN days d ON r."serverTime" >= d.start AND (d.stop IS NULL OR r."serverTime" < d.stop)
             WHERE u."userId" = $2 AND u."kind" = 'undo' AND r."kind" = 'grade'
             GROUP BY d.day
           ) totals GROUP BY day HAVING SUM(reviews) <> 0 ORDER BY day`,
        values: [starts, userId],
      });
      return result.rows.map((r) => ({
        day: Number(r.day),
        reviews: Number(r.reviews),
        correct: Number(r.correct),
        ms: Number(r.ms),
      }));
    },
    async reviewTotalsByMisconception(userId) {
      const result = await pool.query<{ misconception: string | null; reviews: string; ms: string | null }>({
        name: "td_totals_by_misconception",
        text: `SELECT misconception, SUM(reviews) AS reviews, SUM(ms) AS ms FROM (
             SELECT r."misconception" AS misconception, COUNT(*) AS reviews, SUM(r."durationMs") AS ms
             FROM "Review" r WHERE r."userId" = $1 AND r."kind" = 'grade'
             GROUP BY r."misconception"
             UNION ALL
             SELECT r."misconception", -COUNT(*), -SUM(r."durationMs")
             FROM "Review" u JOIN "Review" r ON r."id" = u."undoneReviewId"
             WHERE u."userId" = $1 AND u."kind" = 'undo' AND r."kind" = 'grade'
             GROUP BY r."misconception"
           ) totals GROUP BY misconception HAVING SUM(reviews) <> 0`,
        values: [userId],
      });
      return result.rows.map((r) => ({
        misconception: r.misconception,
        reviews: Number(r.reviews),
        ms: Number(r.ms ?? 0),
      }));
    },
    async deckProgress(userId, deckIds, now, matureDays) {
      if (deckIds.length === 0) return [];
      const result = await pool.query<{ deckId: string; studied: string; dueNow: string; mature: string }>({
        name: "td_deck_progress",
        text: `SELECT q."bankId" AS "deckId", COUNT(DISTINCT c."questionId") AS "studied",
             COUNT(*) FILTER (WHERE c."suspendedAt" IS NULL AND c."due" <= $2) AS "dueNow",
             COUNT(DISTINCT c."questionId") FILTER (WHERE c."scheduledDays" >= $3) AS "mature"
           FROM "StudyCard" c JOIN "Question" q ON q."id" = c."questionId"
           WHERE c."userId" = $1 AND c."phase" <> 'new' AND q."retiredAt" IS NULL
             AND q."bankId" = ANY($4::text[])
           GROUP BY q."bankId"`,
        values: [userId, now, matureDays, [...deckIds]],
      });
      return result.rows.map((r) => ({
        deckId: r.deckId,
        studied: Number(r.studied),
        dueNow: Number(r.dueNow),
        mature: Number(r.mature),
      }));
    },
    async studiedQuestionIds(userId, questionIds) {
      if (questionIds.length === 0) return [];
      const result = await pool.query<{ questionId: string }>({
        name: "td_studied_questions",
        text: `SELECT DISTINCT "questionId" FROM "StudyCard"
           WHERE "userId" = $1 AND "phase" <> 'new' AND "questionId" = ANY($2::text[])`,
        values: [userId, [...questionIds]],
      });
      return result.rows.map((r) => r.questionId);
    },
    async progressCardRows(userId) {
      const result = await pool.query<{
        topic: string | null;
        phase: string;
        stability: number;
        lastReview: Date | null;
        scheduledDays: number;
        due: Date;
        suspended: boolean;
      }>({
        name: "td_progress_cards",
        text: `SELECT q."topic", c."phase", c."stability", c."lastReview", c."scheduledDays", c."due",
             c."suspendedAt" IS NOT NULL AS suspended
           FROM "StudyCard" c LEFT JOIN "Question" q ON q."id" = c."questionId" WHERE c."userId" = $1`,
        values: [userId],
      });
      return result.rows.map((r) => ({
        topic: r.topic ?? "",
        phase: r.phase,
        stability: Number(r.stability),
        lastReview: r.lastReview,
        scheduledDays: Number(r.scheduledDays),
        due: r.due,
        suspended: r.suspended,
      }));
    },
    async questionCountsByTopic() {
      const result = await pool.query<{ topic: string; kind: string; questions: string; reversible: string }>(
        {
          name: "td_question_counts",
          text: `SELECT "topic", "kind", COUNT(*) AS questions,
             SUM(CASE WHEN "kind" = 'flashcard' AND ("data"::jsonb -> 'reversible') = 'true'::jsonb THEN 1 ELSE 0 END) AS reversible
           FROM "Question"
           WHERE "retiredAt" IS NULL
             AND "bankId" IN (SELECT "id" FROM "Bank" WHERE "visibility" IN ('public', 'published'))
           GROUP BY "topic", "kind"`,
          values: [],
        },
      );
      return result.rows.map((r) => ({
        topic: r.topic,
        kind: r.kind,
        questions: Number(r.questions),
        reversible: Number(r.reversible),
      }));
    },
    async databaseStatus(expected) {
      try {
        const row = await one<{ applied: string }>(
          health,
          "td_migrations",
          `SELECT COUNT(*) AS applied FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
          [],
        );
        const applied = Number(row?.applied ?? 0);
        return { reachable: true, migrationsApplied: applied, migrationsPending: applied < expected };
      } catch {
        return { reachable: false, migrationsApplied: 0, migrationsPending: true };
      }
    },
    storageState: () => storageState(health),
    async insertNewQuestions(rows, now) {
      if (rows.length === 0) return;
      await inTransaction(pool, (db) => insertNewQuestionsOn(db, rows, now));
    },
    async insertImportedCards(questions, cards, reviews, now) {
      await inTransaction(pool, (db) => insertImportedCardsOn(db, questions, cards, reviews, now));
    },
    moveStagedCards: (stagingId, deck, now) =>
      inTransaction(pool, async (db) => {
        // FOR UPDATE: a delete of the deck waits for the move, or the move sees the deck gone.
        const owned = await db.query(
          `SELECT 1 FROM "Bank" WHERE "id" = $1 AND "ownerId" = $2 AND "visibility" = $3 FOR UPDATE`,
          [deck.id, deck.ownerId, deck.visibility],
        );
        if (owned.rowCount === 0) return false;
        if (stagingId) {
          await db.query(`UPDATE "Question" SET "bankId" = $1, "updatedAt" = $2 WHERE "bankId" = $3`, [
            deck.id,
            now,
            stagingId,
          ]);
          await db.query(`DELETE FROM "Bank" WHERE "id" = $1`, [stagingId]);
        }
        return true;
      }),
    async bankCounts() {
      const row = await one<{
        synced: string;
        questions: string;
        lastSync: Date | null;
        skipped: number | null;
      }>(
        health,
        "td_bank_counts",
        `SELECT (SELECT COUNT(*) FROM "Bank") AS "synced",
           (SELECT COUNT(*) FROM "Question" WHERE "retiredAt" IS NULL) AS "questions",
           (SELECT "finishedAt" FROM "SyncRun" ORDER BY "id" DESC LIMIT 1) AS "lastSync",
           (SELECT "banksSkipped" FROM "SyncRun" ORDER BY "id" DESC LIMIT 1) AS "skipped"`,
        [],
      );
      return {
        synced: Number(row?.synced ?? 0),
        questions: Number(row?.questions ?? 0),
        lastSync: row?.lastSync ?? null,
        skipped: row?.skipped ?? 0,
      };
    },
  };
}
