import { QuizPage } from '@/components/work/quiz/QuizPage';
import { requireStudent } from '@/components/work/studentRoute';

export default async function Page() {
  const user = await requireStudent();
  return <QuizPage userId={user.id} />;
}
