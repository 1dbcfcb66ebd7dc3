-- A question's translations (issue 20 item 2), as in the SQLite migration of the same name.
-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "translations" TEXT NOT NULL DEFAULT '{}';

