-- CreateTable
CREATE TABLE "ClassBlock" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "blockedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassBlock_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateIndex
CREATE INDEX "ClassBlock_userId_idx" ON "ClassBlock"("userId");

-- AddForeignKey
ALTER TABLE "ClassBlock" ADD CONSTRAINT "ClassBlock_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassBlock" ADD CONSTRAINT "ClassBlock_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

