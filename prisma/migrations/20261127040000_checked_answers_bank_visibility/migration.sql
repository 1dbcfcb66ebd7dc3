-- Immediate feedback: when a learner checked (and so locked) an answer.
ALTER TABLE "AttemptAnswer" ADD COLUMN "checkedAt" DATETIME;

-- Who may see a bank: "public" (content/), or an instructor's upload, "private" or "published".
ALTER TABLE "Bank" ADD COLUMN "visibility" TEXT NOT NULL DEFAULT 'public';
CREATE INDEX "Bank_visibility_idx" ON "Bank"("visibility");

-- Backfill: every existing upload is private, and its questions no longer need the old
-- "stored retired" marker that kept them out of study (visibility does that now).
UPDATE "Bank" SET "visibility" = 'private' WHERE "id" IN (SELECT "bankId" FROM "InstructorBank");
UPDATE "Question" SET "retiredAt" = NULL WHERE "bankId" IN (SELECT "bankId" FROM "InstructorBank");
