-- Learners' personal decks (issue 17 item 2): a Bank with visibility 'personal' belongs to the
-- learner in "ownerId" and is studied by them alone; it goes with their account. SQLite cannot add
-- a foreign key to an existing table, so Bank is rebuilt with its rows, as Prisma does.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Bank" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "domains" TEXT NOT NULL DEFAULT '[]',
    "language" TEXT NOT NULL DEFAULT 'en',
    "version" TEXT NOT NULL DEFAULT '1',
    "authors" TEXT NOT NULL DEFAULT '[]',
    "file" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "lastSyncedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "ownerId" TEXT,
    "description" TEXT,
    CONSTRAINT "Bank_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Bank" ("id", "title", "topic", "domains", "language", "version", "authors", "file", "sourceHash", "lastSyncedAt", "createdAt", "updatedAt", "visibility")
SELECT "id", "title", "topic", "domains", "language", "version", "authors", "file", "sourceHash", "lastSyncedAt", "createdAt", "updatedAt", "visibility" FROM "Bank";
DROP TABLE "Bank";
ALTER TABLE "new_Bank" RENAME TO "Bank";
CREATE INDEX "Bank_topic_idx" ON "Bank"("topic");
CREATE INDEX "Bank_visibility_idx" ON "Bank"("visibility");
CREATE INDEX "Bank_ownerId_idx" ON "Bank"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
