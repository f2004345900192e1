-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "broadcast" JSONB;
