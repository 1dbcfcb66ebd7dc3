-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN     "locale" TEXT;

