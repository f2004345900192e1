import { GRADED_KINDS } from '@dlclass/content';
import { WORKSHEET_ACTIVITY } from '@dlclass/contracts';
import { Suspense } from 'react';
import { StudentReportView } from '@/components/teacher/grading/StudentReportView';
import { publicTemplate } from '@/components/work/studentRoute';
import { requireStaff } from '@/lib/server-api';

export default async function StudentReportPage() {
  await requireStaff();
  // Section id → title for each graded deliverable, to name the teacher's comments.
  const sectionTitles = Object.fromEntries(
    GRADED_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        publicTemplate(WORKSHEET_ACTIVITY[kind]).sections.map((section) => [section.id, section.title]),
      ),
    ]),
  );
  return (
    // the class and the student come from the query string, read on the client
    <Suspense>
      <StudentReportView sectionTitles={sectionTitles} />
    </Suspense>
  );
}
