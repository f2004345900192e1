-- CreateEnum
CREATE TYPE "ExperimentKind" AS ENUM ('NETWORK', 'CLASSICAL');

-- DropIndex
DROP INDEX "Experiment_userId_createdAt_idx";

-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "kind" "ExperimentKind" NOT NULL DEFAULT 'NETWORK';

-- CreateIndex
CREATE INDEX "Experiment_userId_kind_createdAt_idx" ON "Experiment"("userId", "kind", "createdAt");
