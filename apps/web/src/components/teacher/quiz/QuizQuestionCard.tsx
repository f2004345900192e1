'use client';

import type { TQuizQuestionAnalysis } from '@dlclass/contracts';
import { useI18n } from '@/i18n/client';
import { formatDecimal, formatPercent } from '@/lib/format';
import { discriminationTone, facilityTone, mostChosenWrong } from './quizResults';

/** Badge tones of the reading aids (the status badges' colours). */
const FACILITY_BADGE = { easy: 'badge-running', hard: 'badge-queued', fine: 'badge-succeeded' } as const;
const DISCRIMINATION_BADGE = { good: 'badge-succeeded', weak: 'badge-queued', poor: 'badge-failed' } as const;

/** A horizontal bar for a share from 0 to 1. */
function Bar({ ratio, className }: { ratio: number; className?: string }) {
  return (
    <span className={`quiz-bar${className ? ` ${className}` : ''}`} aria-hidden="true">
      <span className="quiz-bar-fill" style={{ width: `${Math.round(ratio * 1000) / 10}%` }} />
    </span>
  );
}

/** One question's analysis: facility, discrimination, and how often each option was ticked. */
export function QuizQuestionCard({
  question,
  number,
  minStudents,
}: {
  question: TQuizQuestionAnalysis;
  number: number;
  minStudents: number;
}) {
  const { t, locale } = useI18n();
  const key = 'quizResults.questions';
  const facility = facilityTone(question.facility);
  const topWrong = mostChosenWrong(question.options);
  const { discrimination } = question;

  return (
    <li className="quiz-question" data-testid="quiz-question" data-question-id={question.questionId}>
      <div className="spread">
        <h3>
          {t(`${key}.number`, { n: number })}
          {question.multiple && <span className="badge quiz-multiple">{t(`${key}.multiple`)}</span>}
        </h3>
        <span className="muted small" data-testid="quiz-answers">
          {t(`${key}.answers`, { count: question.answers, blank: question.blank })}
        </span>
      </div>
      <p className="quiz-prompt">{question.prompt}</p>
      <dl className="quiz-figures">
        <div>
          <dt>{t(`${key}.facility`)}</dt>
          <dd data-testid="quiz-facility" data-value={question.facility}>
            <Bar ratio={question.facility} className={`quiz-bar-${facility}`} />
            <span>{t(`${key}.facilityValue`, { value: formatPercent(locale, question.facility, 0) })}</span>
            <span className={`badge ${FACILITY_BADGE[facility]}`}>
              {t(`${key}.facilityTone.${facility}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t(`${key}.discrimination`)}</dt>
          <dd data-testid="quiz-discrimination" data-value={discrimination ?? ''}>
            {discrimination === null ? (
              <span className="muted">{t(`${key}.discriminationNone`, { min: minStudents })}</span>
            ) : (
              <>
                <strong>{formatDecimal(locale, discrimination, 2)}</strong>
                <span className={`badge ${DISCRIMINATION_BADGE[discriminationTone(discrimination)]}`}>
                  {t(`${key}.discriminationTone.${discriminationTone(discrimination)}`)}
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <h4 className="visually-hidden">{t(`${key}.options`)}</h4>
      <ul className="quiz-options">
        {question.options.map((option) => {
          const wrongTop = topWrong.has(option.id);
          return (
            <li
              key={option.id}
              className={`quiz-option${option.correct ? ' right' : ''}${wrongTop ? ' top-wrong' : ''}`}
              data-testid="quiz-option"
              data-correct={option.correct}
              data-chosen={option.chosen}
            >
              <span className="quiz-option-text">
                {option.text}
                {option.correct && <span className="badge badge-succeeded">✓ {t(`${key}.right`)}</span>}
                {wrongTop && <span className="badge badge-failed">{t(`${key}.topWrong`)}</span>}
              </span>
              <Bar ratio={option.share} />
              <span className="num small">
                {t(`${key}.optionChosen`, {
                  count: option.chosen,
                  share: formatPercent(locale, option.share, 0),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
