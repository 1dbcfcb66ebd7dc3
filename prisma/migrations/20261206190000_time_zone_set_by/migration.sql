-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN "timeZoneSetBy" TEXT;

-- A zone other than the UTC default was typed in Study settings: the learner's choice, never
-- replaced. A row still on UTC stays unmarked, so the browser's zone is saved on the next visit
-- (a learner who really wants UTC saves it again in Study settings).
UPDATE "StudySettings" SET "timeZoneSetBy" = 'learner' WHERE "timeZone" <> 'UTC';
