import { publicTemplate, requireStudent } from '@/components/work/studentRoute';
import { WorksheetPage } from '@/components/work/WorksheetPage';

export default async function Page() {
  const user = await requireStudent();
  return <WorksheetPage template={publicTemplate('tableau-comparatif')} userId={user.id} />;
}
