-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "retriedAsId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Experiment_retriedAsId_key" ON "Experiment"("retriedAsId");

-- AddForeignKey
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_retriedAsId_fkey" FOREIGN KEY ("retriedAsId") REFERENCES "Experiment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
