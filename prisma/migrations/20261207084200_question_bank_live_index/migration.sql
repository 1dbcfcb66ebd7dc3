-- CreateIndex
CREATE INDEX "Question_bankId_retiredAt_idx" ON "Question"("bankId", "retiredAt");
