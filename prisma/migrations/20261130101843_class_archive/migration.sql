-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "archivedAt" TIMESTAMP(3);
