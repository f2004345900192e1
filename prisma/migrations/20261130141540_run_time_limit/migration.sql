-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "timeLimitS" INTEGER;
