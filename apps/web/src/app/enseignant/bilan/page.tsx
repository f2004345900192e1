import { Suspense } from 'react';
import { StudentReportView } from '@/components/teacher/grading/StudentReportView';
import { requireStaff } from '@/lib/server-api';

export default async function StudentReportPage() {
  await requireStaff();
  return (
    // the class and the student come from the query string, read on the client
    <Suspense>
      <StudentReportView />
    </Suspense>
  );
}
