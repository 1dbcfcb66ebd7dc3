-- CreateTable
CREATE TABLE "StudySettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
    "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "weights" TEXT,
    "examDate" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudyCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "side" TEXT NOT NULL DEFAULT '',
    "phase" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" REAL NOT NULL,
    "scheduledDays" REAL NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "suspendedAt" DATETIME,
    "buriedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudyCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyCard_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'grade',
    "undoneReviewId" TEXT,
    "grade" TEXT,
    "wasNew" BOOLEAN NOT NULL DEFAULT false,
    "stateBefore" TEXT NOT NULL,
    "stateAfter" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "answer" TEXT,
    "isCorrect" BOOLEAN,
    "confidence" TEXT,
    "misconception" TEXT,
    "clientTime" DATETIME NOT NULL,
    "serverTime" DATETIME NOT NULL,
    CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "StudyCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_undoneReviewId_fkey" FOREIGN KEY ("undoneReviewId") REFERENCES "Review" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "QuestionReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuestionReport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StudyCard_userId_due_idx" ON "StudyCard"("userId", "due");

-- CreateIndex
CREATE INDEX "StudyCard_userId_phase_idx" ON "StudyCard"("userId", "phase");

-- CreateIndex
CREATE UNIQUE INDEX "StudyCard_userId_questionId_side_key" ON "StudyCard"("userId", "questionId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "Review_undoneReviewId_key" ON "Review"("undoneReviewId");

-- CreateIndex
CREATE INDEX "Review_userId_serverTime_idx" ON "Review"("userId", "serverTime");

-- CreateIndex
CREATE INDEX "Review_cardId_serverTime_idx" ON "Review"("cardId", "serverTime");

-- CreateIndex
CREATE INDEX "QuestionReport_questionId_idx" ON "QuestionReport"("questionId");

-- CreateIndex
CREATE INDEX "QuestionReport_userId_idx" ON "QuestionReport"("userId");


-- The review log is append-only (SECURITY.md item 6): no code path may rewrite history. Undo is a
-- row of its own. Rows disappear only with their learner's account (the cascade deletes them).
CREATE TRIGGER "Review_append_only" BEFORE UPDATE ON "Review"
BEGIN
  SELECT RAISE(ABORT, 'The review log is append-only: record an undo instead of changing a review');
END;
