-- AlterTable
ALTER TABLE "Bank" ADD COLUMN     "description" TEXT,
ADD COLUMN     "ownerId" TEXT;

-- CreateIndex
CREATE INDEX "Bank_ownerId_idx" ON "Bank"("ownerId");

-- AddForeignKey
ALTER TABLE "Bank" ADD CONSTRAINT "Bank_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

