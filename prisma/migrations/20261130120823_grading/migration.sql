-- CreateTable
CREATE TABLE "GradingRubric" (
    "classId" UUID NOT NULL,
    "activity" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradingRubric_pkey" PRIMARY KEY ("classId","activity")
);

-- CreateTable
CREATE TABLE "DeliverableGrade" (
    "deliverableId" UUID NOT NULL,
    "graderId" UUID,
    "criteria" JSONB NOT NULL,
    "scores" JSONB NOT NULL,
    "sectionComments" JSONB NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "competences" JSONB NOT NULL,
    "total" DOUBLE PRECISION,
    "maxTotal" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finalisedAt" TIMESTAMP(3),

    CONSTRAINT "DeliverableGrade_pkey" PRIMARY KEY ("deliverableId")
);

-- AddForeignKey
ALTER TABLE "GradingRubric" ADD CONSTRAINT "GradingRubric_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliverableGrade" ADD CONSTRAINT "DeliverableGrade_deliverableId_fkey" FOREIGN KEY ("deliverableId") REFERENCES "Deliverable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliverableGrade" ADD CONSTRAINT "DeliverableGrade_graderId_fkey" FOREIGN KEY ("graderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
