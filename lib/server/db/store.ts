// The hot paths' storage interface: the few statements that run on every page, grading and
// autosave, written once per dialect (sqlite/store.ts, postgres/store.ts) because the general
// path through Prisma costs more than the work itself. Everything else uses Prisma directly.
//
// Every write here is correct on its own SQL, never because one process runs requests one at a
// time: a grading writes a card only over the version it read, creates a card or a review row only
// when no other writer did (`ON CONFLICT DO NOTHING`), and an autosave lands only when its
// sequence number is newer and its attempt is still open. A write that loses such a race reports
// it, and the caller reads again.

/** The database a client speaks to. */
export type Dialect = "sqlite" | "postgres";

/** A session row with its user and roles, as the session lookup needs them. */
export type SessionUserRow = {
  expiresAt: Date;
  user: {
    id: string;
    name: string;
    email: string;
    disabledAt: Date | null;
    roles: string[];
    /** The interface language the learner saved (StudySettings.locale); null: none saved. */
    locale: string | null;
  };
};

/** A learner's StudySettings row, shaped as Prisma returns it. */
export type StudySettingsRow = {
  desiredRetention: number;
  maximumIntervalDays: number;
  enableFuzz: boolean;
  newPerDay: number;
  dayStartHour: number;
  timeZone: string;
  weights: string | null;
  examDate: Date | null;
  examTargetRecall: number;
};

/** The stored JSON and revision of a question a learner may study. */
export type GradableQuestion = { id: string; data: string; revision: number };

/** What a grading needs of an earlier review row with the same id. */
export type EarlierReview = {
  id: string;
  userId: string;
  questionId: string;
  grade: string | null;
  isCorrect: boolean | null;
  stateAfter: string;
};

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

/** One learner's card for a question side, with the version a guarded write compares. */
export type StudyCardRow = CardStateColumns & { id: string; version: number };

/** A grade's review row (the log is append-only: rows are never changed afterwards). */
export type GradeReviewRow = {
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
};

/**
 * One grading's writes, applied together or not at all. `card.expectedVersion` is the version the
 * grading read; null means it found no card and creates one.
 */
export type GradingWrite = {
  card: {
    id: string;
    userId: string;
    questionId: string;
    side: string;
    expectedVersion: number | null;
    state: CardStateColumns;
  };
  review: GradeReviewRow;
  now: Date;
};

/**
 * How a grading's write ended: applied; or nothing written because the card changed (or was
 * created) since it was read, or because a review with this id exists already. Either loser reads
 * again and decides anew.
 */
export type GradingOutcome = "applied" | "card-changed" | "review-exists";

/** What an autosave needs of a learner's attempt. */
export type AttemptForSave = { status: string; deadline: Date | null; items: string };

/** The saved answer to one question of an attempt. */
export type SavedAnswerRow = { seq: number; answer: string | null; checkedAt: Date | null };

/** One autosave. `answer` is the JSON of the answer, or null for none. */
export type AnswerSave = {
  attemptId: string;
  questionId: string;
  answer: string | null;
  flagged: boolean;
  seq: number;
};

/**
 * How an autosave write is meant: the first save of the question (insert), a change to an
 * unchecked answer, or, for a checked (locked) answer, only its flag and counter.
 */
export type AnswerWriteMode = "insert" | "unchecked" | "keepAnswer";

/** One study day's graded reviews (undone ones left out). */
export type ReviewDayTotals = { day: number; reviews: number; correct: number; ms: number };

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

/**
 * A learner's progress in one of their decks, counted by the database: the questions they have
 * graded at least once (`studied`), the sides due now and not suspended (`dueNow`), and the
 * questions with a side scheduled `matureDays` or more ahead (`mature`).
 */
export type DeckProgressCounts = { deckId: string; studied: number; dueNow: number; mature: number };

/** What the health check reports about the database. */
export type DatabaseStatus = { reachable: boolean; migrationsApplied: number; migrationsPending: boolean };

/** A new question of an uploaded bank, as the bulk insert writes it (revision 1, not retired). */
export type NewQuestionRow = {
  id: string;
  bankId: string;
  kind: string;
  title: string;
  topic: string;
  difficulty: number;
  /** JSON array of tags and exam codes. */
  tags: string;
  hasSim: boolean;
  position: number;
  /** The question as JSON, also its first revision's data. */
  data: string;
  contentHash: string;
};

/** A study card an import brings with its schedule (an Anki package's history replayed). */
export type ImportedCardRow = {
  id: string;
  userId: string;
  questionId: string;
  side: string;
  state: CardStateColumns;
};

/** One review of an imported card, from the package's log: a grade's row, made at `at`, long ago. */
export type ImportedReviewRow = Pick<
  GradeReviewRow,
  | "id"
  | "userId"
  | "cardId"
  | "questionId"
  | "revision"
  | "grade"
  | "wasNew"
  | "stateBefore"
  | "stateAfter"
  | "durationMs"
> & { at: Date };

/** Whether the database can take a write now. */
export type StorageState = "ok" | "read-only" | "full" | "busy";

/** The hot paths, one implementation per dialect. Every method is scoped by the ids it is given. */
export type Store = {
  readonly dialect: Dialect;
  /** The session a token names, with its user and roles; null when there is none. */
  sessionUserByToken(token: string): Promise<SessionUserRow | null>;
  /** A learner's settings (null: defaults) and a question in an open bank (null: none). */
  gradingContext(
    userId: string,
    questionId: string,
  ): Promise<{ settings: StudySettingsRow | null; question: GradableQuestion | null }>;
  /** An earlier review row with this id, whoever made it. */
  reviewById(id: string): Promise<EarlierReview | null>;
  /** One learner's card for a question side. */
  studyCardByKey(userId: string, questionId: string, side: string): Promise<StudyCardRow | null>;
  /** Writes a grading's card state and review row in one transaction, guarded as described above. */
  applyGrading(write: GradingWrite): Promise<GradingOutcome>;
  /** A learner's attempt as an autosave needs it; null when it is not theirs or does not exist. */
  attemptForSave(attemptId: string, userId: string): Promise<AttemptForSave | null>;
  /** The saved answer to one question of an attempt. */
  savedAnswer(attemptId: string, questionId: string): Promise<SavedAnswerRow | null>;
  /**
   * Writes one autosave, only while the attempt is open, only over an older sequence number, and
   * (but for `keepAnswer`) only while the answer is unchecked. Returns the rows changed: 0 means a
   * guard held, and the caller reads again to say which.
   */
  writeAnswer(save: AnswerSave, mode: AnswerWriteMode, now: Date): Promise<number>;
  /** A learner's open quiz attempts (deadline and items): their questions are held back from Study. */
  openAttemptsOf(userId: string): Promise<Array<{ deadline: Date | null; items: string }>>;
  /**
   * Whether an attempt of this learner's belongs to a class quiz they are no longer on the roster of
   * (false for a practice exam, or an attempt that is not theirs: the caller refuses that as missing).
   */
  isOffRoster(attemptId: string, userId: string): Promise<boolean>;
  /** Per study day (`starts` ascending; the last day open-ended), one learner's graded reviews. */
  reviewTotalsByDay(userId: string, starts: readonly Date[]): Promise<ReviewDayTotals[]>;
  /** One learner's graded reviews of all time per misconception tag (null: none). */
  reviewTotalsByMisconception(
    userId: string,
  ): Promise<Array<{ misconception: string | null; reviews: number; ms: number }>>;
  /** One learner's study cards with their question's topic. */
  progressCardRows(userId: string): Promise<ProgressCardRow[]>;
  /**
   * The learner's progress in each of the given decks that they have studied (decks they have not
   * are left out): their studied cards (phase past "new") of live questions, counted in one
   * statement. The rows themselves, read and grouped in JavaScript, held the server's thread
   * ~150 ms through Prisma and still ~40 ms through one statement for a 5,000-card deck, on every
   * deck page and at the end of every import.
   */
  deckProgress(
    userId: string,
    deckIds: readonly string[],
    now: Date,
    matureDays: number,
  ): Promise<DeckProgressCounts[]>;
  /** Which of the given questions the learner has studied (a side past "new"). */
  studiedQuestionIds(userId: string, questionIds: readonly string[]): Promise<string[]>;
  /** Live questions per topic and kind in open banks, with how many are reversible flashcards. */
  questionCountsByTopic(): Promise<
    Array<{ topic: string; kind: string; questions: number; reversible: number }>
  >;
  /** Applied migrations, read directly (the health check must work when the schema is behind). */
  databaseStatus(expected: number): Promise<DatabaseStatus>;
  /** Whether a write could land now: read-only, full, or held by another writer. */
  storageState(): Promise<StorageState>;
  /**
   * Inserts new questions and their first revisions: one prepared multi-row INSERT per table, in
   * one short transaction. A new upload passes small batches (see instructor-banks.ts), so other
   * requests wait for one batch at most while the largest accepted bank is saved.
   */
  insertNewQuestions(rows: readonly NewQuestionRow[], now: Date): Promise<void>;
  /**
   * A part of a deck import in one short transaction: new questions with their first revisions
   * (as insertNewQuestions), then the study cards and review rows an Anki package's history
   * brought for them (inserts only: the review log is append-only). Multi-row statements in SQL:
   * the same rows through Prisma's createMany cost about 1 ms of the server's thread each.
   */
  insertImportedCards(
    questions: readonly NewQuestionRow[],
    cards: readonly ImportedCardRow[],
    reviews: readonly ImportedReviewRow[],
    now: Date,
  ): Promise<void>;
  /**
   * The end of a deck import (data/decks-import.ts), in one short transaction: when the deck is
   * still its owner's (`deck`: its id, owner and visibility), the cards staged under `stagingId`
   * move into it and the staging bank goes; false, with nothing moved, when it is not. Two
   * statements in one synchronous turn (~25 ms for 5,000 cards in a profile), where Prisma's
   * interactive transaction kept the connection across its awaits.
   */
  moveStagedCards(
    stagingId: string | null,
    deck: { id: string; ownerId: string; visibility: string },
    now: Date,
  ): Promise<boolean>;
  /** The banks the health check reports: one statement. */
  bankCounts(): Promise<{ synced: number; questions: number; lastSync: Date | null; skipped: number }>;
};
