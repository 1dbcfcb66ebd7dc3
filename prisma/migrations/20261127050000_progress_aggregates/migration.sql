-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StudySettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
    "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "weights" TEXT,
    "examDate" DATETIME,
    "examTargetRecall" REAL NOT NULL DEFAULT 0.9,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StudySettings" ("dayStartHour", "desiredRetention", "enableFuzz", "examDate", "maximumIntervalDays", "newPerDay", "timeZone", "updatedAt", "userId", "weights") SELECT "dayStartHour", "desiredRetention", "enableFuzz", "examDate", "maximumIntervalDays", "newPerDay", "timeZone", "updatedAt", "userId", "weights" FROM "StudySettings";
DROP TABLE "StudySettings";
ALTER TABLE "new_StudySettings" RENAME TO "StudySettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Review_userId_kind_serverTime_durationMs_isCorrect_grade_misconception_idx" ON "Review"("userId", "kind", "serverTime", "durationMs", "isCorrect", "grade", "misconception");

