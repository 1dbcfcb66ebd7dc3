-- Concurrency kept by the database (issue 15): a version per study card for guarded gradings,
-- a lock row per sign-in throttle key, and the one-time "first-admin" claim.

-- CreateTable
CREATE TABLE "LoginThrottleLock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "touchedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InstallClaim" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (a constant default: SQLite adds the column without rebuilding the table)
ALTER TABLE "StudyCard" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

-- An install that already has an admin has made its first-admin claim.
INSERT INTO "InstallClaim" ("name", "userId")
SELECT 'first-admin', "userId" FROM "UserRole" WHERE "role" = 'admin' ORDER BY "grantedAt" LIMIT 1;
