'use client';

import type { TQuizStudentResults } from '@dlclass/contracts';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { formatDateTime, formatNumber } from '@/lib/format';

/** Every student of the class: submitted attempts and the mark that counts (their best attempt). */
export function QuizStudentsTable({ students }: { students: TQuizStudentResults[] }) {
  const { t, locale } = useI18n();
  const columns = 'quizResults.students.columns';
  return (
    <section className="card" aria-labelledby="quiz-students-title">
      <h2 id="quiz-students-title">{t('quizResults.students.title')}</h2>
      {students.length === 0 ? (
        <p className="muted">{t('quizResults.students.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="quiz-students">
            <TableHead
              columns={[
                { label: t(`${columns}.student`) },
                { label: t(`${columns}.attempts`), num: true },
                { label: t(`${columns}.score`), num: true },
                { label: t(`${columns}.points`), num: true },
                { label: t(`${columns}.submittedAt`) },
              ]}
            />
            <tbody>
              {students.map((student) => (
                <tr
                  key={student.studentId}
                  data-testid="quiz-student"
                  data-score={student.counted?.scoreOn20 ?? ''}
                >
                  <td>
                    {student.displayName}
                    {student.inProgress && (
                      <span className="badge badge-running quiz-in-progress">
                        {t('quizResults.students.inProgress')}
                      </span>
                    )}
                  </td>
                  <td className="num">{student.attempts}</td>
                  {student.counted ? (
                    <>
                      <td className="num">
                        <strong>
                          {t('quizResults.summary.on20', {
                            value: formatNumber(locale, student.counted.scoreOn20, 2),
                          })}
                        </strong>
                      </td>
                      <td className="num">
                        {t('quizResults.students.points', {
                          score: formatNumber(locale, student.counted.score, 2),
                          max: formatNumber(locale, student.counted.maxScore, 2),
                        })}
                      </td>
                      <td>{formatDateTime(locale, student.counted.submittedAt)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="muted">
                      {t('quizResults.students.notYet')}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
