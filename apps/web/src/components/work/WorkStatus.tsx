'use client';

import type { TAnswers } from '@dlclass/contracts';
import { useState } from 'react';
import { useI18n } from '@/i18n/client';
import { formatDateTime } from '@/lib/format';
import { useWork } from './WorkProvider';
import styles from './work.module.css';

const timeOf = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'short' }).format(new Date(iso));

/** The unsent answers as plain text, field by field, for the clipboard or to read again. */
function answersAsText(answers: TAnswers): string {
  return Object.entries(answers)
    .map(([id, value]) => {
      const text =
        typeof value === 'string'
          ? value
          : Array.isArray(value)
            ? value.join(', ')
            : Object.entries(value)
                .map(([key, cell]) => `${key} : ${cell}`)
                .join('\n');
      return `[${id}]\n${text}`;
    })
    .join('\n\n');
}

/** The save state in one line, read politely by screen readers ("Enregistré à 10:12"). */
function SaveLine() {
  const { t, locale } = useI18n();
  const { work } = useWork();
  let text: string;
  let tone = 'muted';
  let state: string;
  if (work.offline) {
    [text, tone, state] = [t('work.save.offline'), 'alert alert-warn', 'offline'];
  } else if (work.saving) {
    [text, state] = [t('work.save.saving'), 'saving'];
  } else if (work.dirty) {
    [text, state] = [t('work.save.pending'), 'pending'];
  } else if (work.savedAt) {
    [text, state] = [t('work.save.saved', { time: timeOf(locale, work.savedAt) }), 'saved'];
  } else {
    [text, state] = [t('work.save.nothingYet'), 'empty'];
  }
  return (
    <p className={`${styles.saveLine} ${tone}`} role="status" data-testid="save-state" data-state={state}>
      {text}
    </p>
  );
}

/** After a stale write: say so, and let the student reload the latest version or copy their text first. */
function StaleBanner() {
  const { t } = useI18n();
  const { work } = useWork();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(answersAsText(work.answers)).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="alert alert-warn" role="alert" data-testid="stale-banner">
      <p>
        <strong>{t('work.stale.title')}</strong>
      </p>
      <p>{t('work.stale.body')}</p>
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => void work.reloadLatest()}
          data-testid="stale-reload"
        >
          {t('work.stale.reload')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('work.stale.copy')}
        </button>
        {copied && <span aria-live="polite">{t('work.stale.copied')}</span>}
      </div>
    </div>
  );
}

/** What the student had not saved when they reloaded the latest version: kept on screen to copy back. */
function DiscardedPanel({ answers }: { answers: TAnswers }) {
  const { t } = useI18n();
  const { work } = useWork();
  return (
    <section className="alert alert-info" aria-labelledby="discarded-title" data-testid="discarded-answers">
      <div className="spread">
        <h2 id="discarded-title" className={styles.bannerTitle}>
          {t('work.discarded.title')}
        </h2>
        <button type="button" className="button button-quiet" onClick={work.dismissDiscarded}>
          {t('work.discarded.dismiss')}
        </button>
      </div>
      <p>{t('work.discarded.body')}</p>
      <pre className={styles.discarded}>{answersAsText(answers)}</pre>
    </section>
  );
}

/** Where the work stands: submitted or returned, the save line, and what went wrong if anything did. */
export function WorkStatus() {
  const { t, locale } = useI18n();
  const { work } = useWork();
  const record = work.record;
  return (
    <div className={styles.status}>
      {record?.status === 'submitted' && record.submittedAt && (
        <p className="alert alert-ok" data-testid="submitted-notice">
          {t('work.submit.submitted', { date: formatDateTime(locale, record.submittedAt) })}
        </p>
      )}
      {record?.status === 'finalised' && <p className="alert alert-ok">{t('work.submit.finalised')}</p>}
      {record?.status === 'returned' && (
        <p className="alert alert-info" data-testid="returned-notice">
          {t('work.submit.returned', {
            date: record.returnedAt ? formatDateTime(locale, record.returnedAt) : '',
          })}
        </p>
      )}
      {work.phase === 'stale' && <StaleBanner />}
      {work.discarded && <DiscardedPanel answers={work.discarded} />}
      {work.error && (
        <p className="alert alert-error" role="alert" data-testid="save-error">
          {Object.keys(work.fieldErrors).length > 0
            ? t('work.save.fixFields')
            : t('work.save.failed', { message: work.error })}
        </p>
      )}
      {work.phase !== 'loading' && !work.readOnly && <SaveLine />}
    </div>
  );
}

/** The hand-in button of a submittable deliverable, with what it means. */
export function SubmitBar() {
  const { t } = useI18n();
  const { work } = useWork();
  if (!work.record) return null;
  if (!work.record.submittable) return <p className="muted">{t('work.submit.worksheet')}</p>;
  if (work.readOnly) return null;
  return (
    <div className={styles.submitBar}>
      <p className="hint">{t('work.submit.hint')}</p>
      <button
        type="button"
        className="button button-big"
        disabled={work.submitting || work.phase !== 'ready'}
        onClick={() => void work.submit()}
        data-testid="submit-work"
      >
        {work.submitting ? t('work.submit.submitting') : t('work.submit.button')}
      </button>
    </div>
  );
}
