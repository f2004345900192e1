'use client';

import { type TClass, type TQuizBankState, ZQuizBankImportRequest } from '@dlclass/contracts';
import { type FormEvent, useState } from 'react';
import { useT } from '@/i18n/client';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { teacherQuizApi } from '@/lib/teacherQuizApi';
import { useApiData } from '@/lib/useApiData';
import styles from './QuizImport.module.css';
import { ClassQuizSettings } from './QuizSettings';

const HELP = ['headings', 'options', 'optionExplanation', 'questionExplanation', 'limits'] as const;

/**
 * The QCM of each of the teacher's classes: its settings (time limit, attempts, questions, correction), and
 * the lesson's questions or the teacher's own, written in Markdown.
 */
export function QuizImport({ classes, error }: { classes: TClass[] | null; error: unknown }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="quiz-import-title" data-testid="quiz-import">
      <h2 id="quiz-import-title">{t('teacherTools.quizImport.title')}</h2>
      <p className="muted">{t('teacherTools.quizImport.intro')}</p>
      <details className={styles.help}>
        <summary>{t('teacherTools.quizImport.helpTitle')}</summary>
        <ul>
          {HELP.map((key) => (
            <li key={key}>{t(`teacherTools.quizImport.help.${key}`)}</li>
          ))}
        </ul>
        <p>{t('teacherTools.quizImport.exampleTitle')}</p>
        <pre className={styles.example}>{t('teacherTools.quizImport.example')}</pre>
      </details>
      {error && !classes ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
      {classes?.map((c) => (
        <div key={c.id} className={styles.classQuiz}>
          <h3>{c.name}</h3>
          <ClassQuizSettings classId={c.id} />
          <ClassQuizImport schoolClass={c} />
        </div>
      ))}
    </section>
  );
}

function ClassQuizImport({ schoolClass }: { schoolClass: TClass }) {
  const t = useT();
  const { data: loaded, error } = useApiData(() => teacherQuizApi.bank(schoolClass.id));
  const [changed, setChanged] = useState<TQuizBankState | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState<'import' | 'reset' | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const state = changed ?? loaded;
  const markdown = draft ?? state?.markdown ?? '';
  const id = `quiz-markdown-${schoolClass.id}`;

  async function run(action: 'import' | 'reset', call: () => Promise<TQuizBankState>) {
    setBusy(action);
    setProblems([]);
    setFailure(null);
    setNotice(null);
    try {
      const next = await call();
      setChanged(next);
      setDraft(null);
      setNotice(
        action === 'import'
          ? t('teacherTools.quizImport.imported', { count: next.questionCount })
          : t('teacherTools.quizImport.resetDone'),
      );
    } catch (caught) {
      // A refused file: one message per faulty line ("Ligne 12 : …").
      if (caught instanceof ApiError && caught.fields?.length)
        setProblems(caught.fields.map((f) => f.message));
      else setFailure(caught);
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = ZQuizBankImportRequest.safeParse({ markdown });
    if (!checked.success) {
      setNotice(null);
      setProblems(checked.error.issues.map((issue) => issue.message));
      return;
    }
    void run('import', () => teacherQuizApi.importBank(schoolClass.id, checked.data));
  }

  const shownFailure = failure ?? (state ? null : error);
  return (
    <form onSubmit={submit} data-testid="class-quiz-import" data-class-id={schoolClass.id}>
      <h4>{t('teacherTools.quizImport.questionsHeading')}</h4>
      {!state && !error && <p className="muted">{t('common.loading')}</p>}
      {state && (
        <p data-testid="quiz-source" data-source={state.source}>
          {t(
            state.source === 'imported'
              ? 'teacherTools.quizImport.importedSource'
              : 'teacherTools.quizImport.defaultSource',
            { count: state.questionCount },
          )}
        </p>
      )}
      {shownFailure ? (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, shownFailure)}
        </p>
      ) : null}
      {notice ? (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="alert alert-error" role="alert" id={`${id}-errors`} data-testid="quiz-import-errors">
          <strong>{t('teacherTools.quizImport.errorsTitle')}</strong>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={id}>{t('teacherTools.quizImport.label')}</label>
        <textarea
          id={id}
          className={styles.textarea}
          rows={14}
          spellCheck={false}
          value={markdown}
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={problems.length > 0}
          aria-describedby={problems.length > 0 ? `${id}-errors` : undefined}
          data-testid="quiz-markdown"
        />
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy !== null || markdown.trim() === ''}>
          {busy === 'import' ? t('teacherTools.quizImport.importing') : t('teacherTools.quizImport.import')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy !== null}
          onClick={() => setDraft(t('teacherTools.quizImport.example'))}
        >
          {t('teacherTools.quizImport.useExample')}
        </button>
        {state?.source === 'imported' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy !== null}
            onClick={() => void run('reset', () => teacherQuizApi.resetBank(schoolClass.id))}
          >
            {busy === 'reset' ? t('teacherTools.quizImport.resetting') : t('teacherTools.quizImport.reset')}
          </button>
        ) : null}
      </div>
      {state?.source === 'imported' ? (
        <details>
          <summary>{t('teacherTools.quizImport.questionsTitle')}</summary>
          <ol className={styles.questions}>
            {state.questions.map((question) => (
              <li key={question.id}>
                {question.prompt}{' '}
                <span className="muted small">
                  ({t('teacherTools.quizImport.optionCount', { count: question.optionCount })}
                  {question.multiple ? `, ${t('teacherTools.quizImport.multiple')}` : ''})
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </form>
  );
}
