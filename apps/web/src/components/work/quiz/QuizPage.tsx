'use client';

import type { TQuizAttempt, TQuizOverview, TQuizResult } from '@dlclass/contracts';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { LoadState } from '@/components/LoadState';
import { useI18n } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { workApi } from '@/lib/workApi';
import styles from '../work.module.css';
import { QuizAttempt } from './QuizAttempt';

/** Option id → text, from the attempts seen in this visit (results without a correction carry only ids). */
type OptionTexts = Record<string, string>;

function optionTextsOf(attempt: TQuizAttempt): OptionTexts {
  return Object.fromEntries(attempt.questions.flatMap((q) => q.options.map((o) => [o.id, o.text])));
}

/** A submitted attempt: the score on 20, per question the options chosen and, when allowed, the correction. */
function QuizResultView({ result, optionTexts }: { result: TQuizResult; optionTexts: OptionTexts }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby={`result-${result.attemptId}`} data-testid="quiz-result">
      <div className="spread">
        <h2 id={`result-${result.attemptId}`}>
          {t('work.quiz.resultTitle', {
            number: result.number,
            date: formatDateTime(locale, result.submittedAt),
          })}
        </h2>
        <p className={styles.score} data-testid="quiz-score" data-score={result.scoreOn20}>
          {t('work.quiz.scoreOn20', { score: formatNumber(locale, result.scoreOn20, 2) })}
        </p>
      </div>
      <p className="muted">
        {t('work.quiz.points', {
          score: formatNumber(locale, result.score, 2),
          max: formatNumber(locale, result.maxScore, 2),
        })}
      </p>
      {!result.correctionVisible && <p className="alert alert-info">{t('work.quiz.correctionLater')}</p>}
      <ol className={styles.resultList}>
        {result.questions.map((question) => {
          const texts = question.chosen.map((id) => optionTexts[id]);
          return (
            <li key={question.questionId} className={styles.resultItem} data-testid="quiz-result-question">
              <div className="spread">
                <strong>{question.prompt}</strong>
                <span
                  className={`badge ${question.score >= 1 ? 'badge-succeeded' : question.score > 0 ? 'badge-queued' : 'badge-failed'}`}
                >
                  {t('work.quiz.questionScore', { score: formatNumber(locale, question.score, 2) })}
                </span>
              </div>
              {question.correction ? (
                <ul className={styles.correction}>
                  {question.correction.map((option) => {
                    const picked = question.chosen.includes(option.id);
                    return (
                      <li
                        key={option.id}
                        className={option.correct ? styles.optionRight : picked ? styles.optionWrong : ''}
                        data-testid="quiz-correction-option"
                      >
                        <span>
                          {option.correct ? '✓ ' : '✗ '}
                          <span className="visually-hidden">
                            {option.correct ? t('work.quiz.rightOption') : t('work.quiz.wrongOption')}
                          </span>
                          {option.text}
                          {picked && <strong> — {t('work.quiz.yourChoice')}</strong>}
                        </span>
                        <span className="hint">{option.explanation}</span>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="small">
                  {question.chosen.length === 0
                    ? t('work.quiz.noAnswer')
                    : texts.every((text) => text !== undefined)
                      ? t('work.quiz.yourAnswers', { list: texts.join(' · ') })
                      : t('work.quiz.answersCount', { count: question.chosen.length })}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Before an attempt: the teacher's settings, what is left, and the start button. */
function QuizIntro({ overview, onStart }: { overview: TQuizOverview; onStart: () => Promise<void> }) {
  const { t } = useI18n();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { settings } = overview;
  const left = settings.maxAttempts - overview.attemptsUsed;
  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      await onStart();
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setStarting(false);
    }
  };
  return (
    <section className="card" aria-labelledby="quiz-intro" data-testid="quiz-intro">
      <h2 id="quiz-intro">{t('work.quiz.introTitle')}</h2>
      <dl className="stats">
        <div className="stat">
          <dt>{t('work.quiz.duration')}</dt>
          <dd>{t('work.quiz.minutes', { count: settings.timeLimitMinutes })}</dd>
        </div>
        <div className="stat">
          <dt>{t('work.quiz.questions')}</dt>
          <dd>{settings.questionCount}</dd>
        </div>
        <div className="stat">
          <dt>{t('work.quiz.attempts')}</dt>
          <dd data-testid="quiz-attempts">
            {t('work.quiz.attemptsUsed', { used: overview.attemptsUsed, max: settings.maxAttempts })}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('work.quiz.correction')}</dt>
          <dd className={styles.statText}>{t(`work.quiz.policy.${settings.correction}`)}</dd>
        </div>
      </dl>
      <p>{t('work.quiz.rules')}</p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {left > 0 ? (
        <button
          type="button"
          className="button button-big"
          disabled={starting}
          onClick={() => void start()}
          data-testid="quiz-start"
        >
          {overview.attemptsUsed === 0 ? t('work.quiz.start') : t('work.quiz.startAgain')}
        </button>
      ) : (
        <p className="alert alert-info">{t('work.quiz.noAttemptsLeft')}</p>
      )}
    </section>
  );
}

/** The QCM: before (settings, start), during (the attempt), after (results, latest first). */
export function QuizPage({ userId }: { userId: string }) {
  const { t } = useI18n();
  const { data, error } = useApiData(workApi.quiz);
  const [overview, setOverview] = useState<TQuizOverview | null>(null);
  const [optionTexts, setOptionTexts] = useState<OptionTexts>({});
  const current = overview ?? data;

  const active = current?.active ?? null;
  const onSubmitted = useCallback(
    (result: TQuizResult) => {
      // Without the correction, a result names options by id: keep this attempt's texts to show them.
      if (active) setOptionTexts((texts) => ({ ...texts, ...optionTextsOf(active) }));
      setOverview((o) => {
        const base = o ?? data;
        if (!base) return o;
        const results = [...base.results.filter((r) => r.attemptId !== result.attemptId), result];
        return { ...base, active: null, attemptsUsed: Math.max(base.attemptsUsed, result.number), results };
      });
    },
    [active, data],
  );

  if (!current) return <LoadState loaded={false} error={error} />;
  const results = [...current.results].reverse();
  return (
    <>
      <p>
        <Link href="/eleve">{t('work.backHome')}</Link>
      </p>
      <h1>{t('work.quiz.title')}</h1>
      {current.active ? (
        <QuizAttempt
          key={current.active.id}
          attempt={current.active}
          userId={userId}
          onSubmitted={onSubmitted}
        />
      ) : (
        <QuizIntro
          overview={current}
          onStart={async () => {
            const attempt = await workApi.startQuizAttempt();
            setOverview({ ...current, active: attempt });
          }}
        />
      )}
      {results.map((result) => (
        <QuizResultView key={result.attemptId} result={result} optionTexts={optionTexts} />
      ))}
    </>
  );
}
