-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "quizBank" JSONB;
