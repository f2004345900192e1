'use client';

import type { TExperiment, TExperimentSpecInput } from '@dlclass/contracts';
import { useI18n } from '@/i18n/client';
import { formatDuration } from '@/lib/duration';
import { launchText } from '@/lib/launchText';
import { isActive } from '@/lib/runEvents';
import { useRunEstimate } from '@/lib/useRunEstimate';

/** Before the click: the estimate of the spec being edited (null: the form has errors, nothing to estimate). */
export function LaunchEstimate({ spec }: { spec: TExperimentSpecInput | null }) {
  const { t } = useI18n();
  const state = useRunEstimate(spec);
  if (state.kind === 'none') return null;
  return (
    <p role="status" aria-live="polite" data-testid="launch-estimate">
      {state.kind === 'pending' && <span className="muted">{t('estimate.launch.pending')}</span>}
      {state.kind === 'failed' && <span className="muted">{t('estimate.launch.failed')}</span>}
      {state.kind === 'ready' && (
        <>
          <strong data-testid="launch-estimate-text" data-sharing={state.estimate.sharing ?? undefined}>
            {launchText(t, state.estimate)}
          </strong>{' '}
          {/* results already computed: nothing estimated */}
          {state.estimate.sharing !== 'reused' && (
            <span
              className="muted small"
              data-testid="launch-estimate-basis"
              data-basis={state.estimate.basis}
            >
              {t(state.estimate.basis === 'measured' ? 'estimate.launch.measured' : 'estimate.launch.prior')}
            </span>
          )}
        </>
      )}
    </p>
  );
}

const elapsed = (from: string, to: string) => new Date(to).getTime() - new Date(from).getTime();

/** After the click: the estimate the run got at submission beside its real wait and duration. */
export function EstimateVsReal({ experiment }: { experiment: TExperiment }) {
  const { t } = useI18n();
  const estimate = experiment.launchEstimate;
  if (!estimate) return null;
  const { createdAt, startedAt, finishedAt } = experiment;
  // what is not known yet is under way; what will never be (a run cancelled or failed) is none
  const unknown = isActive(experiment) ? t('estimate.details.pending') : t('common.none');
  const realWait = startedAt ? formatDuration(t, elapsed(createdAt, startedAt)) : unknown;
  const realDuration =
    startedAt && finishedAt && experiment.status === 'succeeded'
      ? formatDuration(t, elapsed(startedAt, finishedAt))
      : unknown;
  return (
    <div className="small" data-testid="estimate-vs-real">
      <p className="muted" style={{ margin: 0 }}>
        {t('estimate.details.title')}
      </p>
      <p style={{ margin: 0 }} data-testid="estimate-duration">
        {t('estimate.details.duration', {
          estimated: formatDuration(t, estimate.durationMs),
          real: realDuration,
        })}
      </p>
      <p style={{ margin: 0 }} data-testid="estimate-wait">
        {t('estimate.details.wait', {
          estimated:
            estimate.waitMs === null ? t('estimate.details.noWorker') : formatDuration(t, estimate.waitMs),
          real: realWait,
        })}
      </p>
      {estimate.basis === 'prior' && (
        <p className="muted" style={{ margin: 0 }}>
          {t('estimate.details.prior')}
        </p>
      )}
    </div>
  );
}
