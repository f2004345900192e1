-- CreateTable
CREATE TABLE "HandRaise" (
    "id" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "loweredAt" TIMESTAMP(3),

    CONSTRAINT "HandRaise_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandRaise_classId_raisedAt_idx" ON "HandRaise"("classId", "raisedAt");

-- CreateIndex
CREATE INDEX "HandRaise_userId_raisedAt_idx" ON "HandRaise"("userId", "raisedAt");

-- AddForeignKey
ALTER TABLE "HandRaise" ADD CONSTRAINT "HandRaise_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandRaise" ADD CONSTRAINT "HandRaise_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
