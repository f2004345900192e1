'use client';

import type { TQuizAttempt, TQuizQuestion, TQuizResult } from '@dlclass/contracts';
import { useRef, useState } from 'react';
import { useI18n } from '@/i18n/client';
import styles from '../work.module.css';
import { useQuizAttempt } from './useQuizAttempt';

/** "12:05" from milliseconds (minutes may exceed 59: "75:00"). */
function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The countdown, on the server's clock; screen readers hear it at 5 minutes and 1 minute left. */
function Countdown({ remainingMs }: { remainingMs: number }) {
  const { t } = useI18n();
  const minutes = Math.ceil(remainingMs / 60_000);
  const warning =
    remainingMs <= 60_000 ? t('work.quiz.oneMinute') : minutes <= 5 ? t('work.quiz.fiveMinutes') : '';
  return (
    <div className={`${styles.countdown} ${remainingMs <= 60_000 ? styles.countdownLow : ''}`}>
      <span className="muted small">{t('work.quiz.timeLeft')}</span>
      <span role="timer" aria-live="off" className={styles.countdownValue} data-testid="quiz-countdown">
        {clock(remainingMs)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {warning}
      </span>
    </div>
  );
}

type QuestionProps = {
  question: TQuizQuestion;
  number: number;
  chosen: string[];
  onChoose: (optionIds: string[]) => void;
  saved: boolean;
  pending: boolean;
  error: string | undefined;
  disabled: boolean;
};

/** One question: radios for a single answer, checkboxes (and the notice) for several. */
function Question({ question, number, chosen, onChoose, saved, pending, error, disabled }: QuestionProps) {
  const { t } = useI18n();
  const toggle = (optionId: string, on: boolean) =>
    onChoose(
      question.multiple ? (on ? [...chosen, optionId] : chosen.filter((id) => id !== optionId)) : [optionId],
    );
  return (
    <fieldset className={styles.question} data-testid="quiz-question" data-question={question.id}>
      <legend className={styles.questionPrompt}>
        <span className="muted small">{t('work.quiz.questionNumber', { number })}</span>
        <span>{question.prompt}</span>
      </legend>
      {question.multiple && <p className={`badge ${styles.multipleBadge}`}>{t('work.quiz.multiple')}</p>}
      <ul className={styles.choiceList}>
        {question.options.map((option) => (
          <li key={option.id}>
            <label className={`${styles.choice} ${styles.option}`}>
              <input
                type={question.multiple ? 'checkbox' : 'radio'}
                name={`question-${question.id}`}
                checked={chosen.includes(option.id)}
                disabled={disabled}
                onChange={(event) => toggle(option.id, event.target.checked)}
                data-testid="quiz-option"
                data-option={option.id}
              />
              <span>{option.text}</span>
            </label>
          </li>
        ))}
      </ul>
      <p
        className={styles.saveTick}
        role="status"
        data-testid="answer-state"
        data-state={saved ? 'saved' : pending ? 'pending' : 'none'}
      >
        {saved ? `✓ ${t('work.quiz.saved')}` : pending ? t('work.quiz.sending') : ''}
      </p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

type AttemptProps = {
  attempt: TQuizAttempt;
  userId: string;
  onSubmitted: (result: TQuizResult) => void;
};

/**
 * An attempt in progress, one question at a time with a navigator of every question (answered ones marked),
 * the countdown, and the hand-in (confirmed when questions are left unanswered).
 */
export function QuizAttempt({ attempt, userId, onSubmitted }: AttemptProps) {
  const { t } = useI18n();
  const quiz = useQuizAttempt(attempt, userId, onSubmitted);
  const [index, setIndex] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const questions = attempt.questions;
  const question = questions[index];
  const answered = questions.filter((q) => (quiz.answers[q.id]?.length ?? 0) > 0).length;
  const unanswered = questions.length - answered;
  const locked = quiz.timeUp || quiz.submitting;

  const go = (next: number) => {
    setIndex(next);
    setConfirming(false);
    heading.current?.focus();
  };

  return (
    <section className="card" aria-labelledby="quiz-attempt-title" data-testid="quiz-attempt">
      <div className="spread">
        <h2 id="quiz-attempt-title" ref={heading} tabIndex={-1}>
          {t('work.quiz.attemptTitle', { number: attempt.number })}
        </h2>
        <Countdown remainingMs={quiz.remainingMs} />
      </div>
      {quiz.offline && (
        <p className="alert alert-warn" role="status" data-testid="quiz-offline">
          {t('work.quiz.offline')}
        </p>
      )}
      {quiz.timeUp && <p className="alert alert-info">{t('work.quiz.timeUp')}</p>}
      {quiz.error && (
        <p className="alert alert-error" role="alert">
          {quiz.error}
        </p>
      )}

      <nav aria-label={t('work.quiz.navigator')} className={styles.navigator}>
        <ol>
          {questions.map((q, i) => {
            const isAnswered = (quiz.answers[q.id]?.length ?? 0) > 0;
            return (
              <li key={q.id}>
                <button
                  type="button"
                  className={`${styles.navButton} ${isAnswered ? styles.navAnswered : ''}`}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={t(isAnswered ? 'work.quiz.navAnswered' : 'work.quiz.navUnanswered', {
                    number: i + 1,
                  })}
                  onClick={() => go(i)}
                  data-testid="quiz-nav"
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="muted small">{t('work.quiz.progress', { answered, total: questions.length })}</p>
      </nav>

      {question && (
        <Question
          key={question.id}
          question={question}
          number={index + 1}
          chosen={quiz.answers[question.id] ?? []}
          onChoose={(ids) => quiz.choose(question.id, ids)}
          saved={quiz.isSaved(question.id)}
          pending={quiz.isPending(question.id)}
          error={quiz.questionErrors[question.id]}
          disabled={locked}
        />
      )}

      <div className="spread">
        <div className="row">
          <button
            type="button"
            className="button button-secondary"
            disabled={index === 0}
            onClick={() => go(index - 1)}
            data-testid="quiz-previous"
          >
            {t('work.quiz.previous')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={index >= questions.length - 1}
            onClick={() => go(index + 1)}
            data-testid="quiz-next"
          >
            {t('work.quiz.next')}
          </button>
        </div>
        <button
          type="button"
          className="button"
          disabled={locked}
          onClick={() => (unanswered > 0 && !confirming ? setConfirming(true) : void quiz.submit())}
          data-testid="quiz-submit"
        >
          {quiz.submitting ? t('work.quiz.submitting') : t('work.quiz.submit')}
        </button>
      </div>
      {confirming && !quiz.submitting && (
        <div className="alert alert-warn" role="alert" data-testid="quiz-confirm">
          <p>{t('work.quiz.confirmUnanswered', { count: unanswered })}</p>
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={() => void quiz.submit()}
              data-testid="quiz-confirm-submit"
            >
              {t('work.quiz.confirmSubmit')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('work.quiz.keepAnswering')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
