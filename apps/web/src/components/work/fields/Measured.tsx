'use client';

import type { TMeasuredValue } from '@dlclass/contracts';
import { useI18n } from '@/i18n/client';
import { formatNumber, formatPercent } from '@/lib/format';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';

/** A measured value as text: accuracies in %, durations in seconds, numbers for the locale. */
function useFormatMeasured(): (what: string, measured: TMeasuredValue | undefined) => string | null {
  const { t, locale } = useI18n();
  return (what, measured) => {
    const value = measured?.value;
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'string') return value;
    if (/accuracy/i.test(what) && value <= 1)
      return t('common.percent', { value: formatPercent(locale, value) });
    if (what === 'trainingSeconds')
      return t('work.fields.seconds', { value: formatNumber(locale, value, 1) });
    return formatNumber(locale, value, 6);
  };
}

type MeasuredProps = {
  /** Key of `record.measured` (field id, `<field>.<part>` or `<table>.<row>.<column>`). */
  measuredKey: string;
  /** The fact or part measured, for its format (e.g. 'testAccuracy', 'trainingSeconds'). */
  what: string;
  /** Shown above the value; absent in a table cell, whose headers name it. */
  label?: string | undefined;
  /** Shown while nothing is measured (by default, a sentence saying how to get the value). */
  placeholder?: string | undefined;
};

/** A value the platform measured on the student's runs: shown, never an input, badged « mesuré ». */
export function Measured({ measuredKey, what, label, placeholder }: MeasuredProps) {
  const { t } = useI18n();
  const { work } = useWork();
  const measured = work.record?.measured[measuredKey];
  const text = useFormatMeasured()(what, measured);
  return (
    <div
      className={styles.measured}
      data-testid={`measured-${measuredKey}`}
      data-value={measured?.value ?? ''}
    >
      {label && <span className={styles.measuredLabel}>{label}</span>}
      <span className={styles.measuredValue}>
        {text ?? <span className="muted">{placeholder ?? t('work.fields.notMeasured')}</span>}{' '}
        <span className={`badge ${styles.measuredBadge}`} title={t('work.fields.measuredTitle')}>
          {t('work.fields.measured')}
          <span className="visually-hidden"> — {t('work.fields.measuredTitle')}</span>
        </span>
      </span>
      {measured?.source && (
        <span className="hint">{t('work.fields.source', { source: measured.source })}</span>
      )}
    </div>
  );
}
