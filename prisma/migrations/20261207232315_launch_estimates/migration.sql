-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "runDefaults" JSONB;

-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "estimateBasis" TEXT,
ADD COLUMN     "estimatedDurationMs" INTEGER,
ADD COLUMN     "estimatedWaitMs" INTEGER;
