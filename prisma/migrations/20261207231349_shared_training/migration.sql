-- CreateEnum
CREATE TYPE "SeedMode" AS ENUM ('CLASS', 'STUDENT');

-- AlterTable (a volatile default: every existing class gets its own random seed)
ALTER TABLE "Class" ADD COLUMN     "seed" INTEGER NOT NULL DEFAULT (floor(random() * 2147483647))::integer,
ADD COLUMN     "seedMode" "SeedMode" NOT NULL DEFAULT 'CLASS';

-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "attachedToId" UUID,
ADD COLUMN     "reusedFromId" UUID,
ADD COLUMN     "trainingKey" TEXT;

-- CreateIndex
CREATE INDEX "Experiment_classId_trainingKey_idx" ON "Experiment"("classId", "trainingKey");

-- CreateIndex
CREATE INDEX "Experiment_attachedToId_idx" ON "Experiment"("attachedToId");
