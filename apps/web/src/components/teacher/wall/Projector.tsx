'use client';

import {
  DATASET_DESCRIPTIONS,
  type TDataset,
  type TEvaluation,
  type TExperimentStatus,
  type TExperimentStatusEvent,
  type TRunKind,
} from '@dlclass/contracts';
import Link from 'next/link';
import { type ReactNode, useCallback, useState } from 'react';
import { ConfusionMatrix } from '@/components/evaluation/EvaluationTables';
import { Checkbox } from '@/components/Field';
import { TrainingCharts } from '@/components/hello/TrainingStep';
import { StatusBadge } from '@/components/StatusBadge';
import { CLASS_PARAM } from '@/components/teacher/ClassScope';
import type { Translate } from '@/i18n';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { formatNumber, formatPercent } from '@/lib/format';
import { type AppSocket, useOnConnect, useSocket, useSocketEvent } from '@/lib/socket';
import { useApiData } from '@/lib/useApiData';
import { useLiveExperiment } from '@/lib/useLiveExperiment';

type Shown = {
  name: string;
  classId: string | null;
  ownerName: string;
  status: TExperimentStatus;
  dataset: TDataset;
  /** "Training: epoch 2 of 5" while it trains, the error when it failed. */
  detail: string | null;
  accuracy: number | null;
  parameterCount: number | null;
  evaluation: TEvaluation | null;
};

/** The large-type frame of a projected run: who and what, its state, its accuracy, then its charts. */
function Projection({
  run,
  hideName,
  onHideName,
  connected,
  children,
}: {
  run: Shown;
  hideName: boolean;
  onHideName: (hide: boolean) => void;
  connected: boolean;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const names = DATASET_DESCRIPTIONS[run.dataset]?.classNames ?? [];
  return (
    <article className="projector" data-testid="projector" data-status={run.status}>
      <div className="spread">
        <Checkbox
          label={t('wall.projector.hideName')}
          checked={hideName}
          onChange={onHideName}
          testId="projector-hide-name"
        />
        <div className="row">
          <span className={`small live-dot${connected ? '' : ' off'}`} role="status">
            {connected ? t('wall.live') : t('wall.offline')}
          </span>
          <Link
            href={`/enseignant/mur${run.classId ? `?${CLASS_PARAM}=${encodeURIComponent(run.classId)}` : ''}`}
            className="small"
          >
            {t('wall.projector.back')}
          </Link>
        </div>
      </div>
      <header className="projector-head">
        <div>
          <p className="projector-name" data-testid="projector-name">
            {run.name}
          </p>
          {!hideName && (
            <p className="projector-owner" data-testid="projector-owner">
              {run.ownerName}
            </p>
          )}
          <p className="projector-status">
            <StatusBadge status={run.status} testId="projector-status" />
            {run.detail && <span>{run.detail}</span>}
          </p>
        </div>
        {run.accuracy !== null && (
          <div className="projector-accuracy">
            <span>{t('wall.projector.accuracy')}</span>
            <strong data-testid="projector-accuracy">
              {t('common.percent', { value: formatPercent(locale, run.accuracy) })}
            </strong>
            {run.parameterCount !== null && (
              <span>
                {t('wall.projector.parameters', { count: formatNumber(locale, run.parameterCount) })}
              </span>
            )}
          </div>
        )}
      </header>
      {children}
      {run.evaluation && (
        <section className="projector-confusion">
          <h2>{t('wall.projector.confusion')}</h2>
          <ConfusionMatrix matrix={run.evaluation.confusionMatrix} names={names} />
        </section>
      )}
    </article>
  );
}

type ViewProps = {
  runId: string;
  socket: AppSocket | null;
  connected: boolean;
  hideName: boolean;
  onHideName: (hide: boolean) => void;
};

/** A network run, followed live: status, batch and epoch curves, then its evaluation. */
function NetworkProjection({ runId, socket, connected, ...rest }: ViewProps) {
  const { t } = useI18n();
  const { experiment, batches, lastBatch, error } = useLiveExperiment(socket, connected, runId);
  if (!experiment) return <LoadingOrError error={error} />;
  const total = experiment.spec.training.epochs;
  const done = Math.max(lastBatch?.epoch ?? 0, experiment.epochs.length);
  return (
    <Projection
      connected={connected}
      {...rest}
      run={{
        name: experiment.name,
        classId: experiment.classId,
        ownerName: experiment.ownerName,
        status: experiment.status,
        dataset: experiment.spec.dataset,
        detail: statusDetail(t, experiment.status, experiment.error, { done, total }),
        accuracy: experiment.evaluation?.testAccuracy ?? null,
        parameterCount: experiment.parameterCount,
        evaluation: experiment.evaluation,
      }}
    >
      <TrainingCharts batches={batches} epochs={experiment.epochs} totalEpochs={total} />
    </Projection>
  );
}

/** A classical run: read again whenever its status changes (it has no epochs to stream). */
function ClassicalProjection({ runId, socket, connected, ...rest }: ViewProps) {
  const { t } = useI18n();
  const load = useCallback(() => api.classicalRun(runId), [runId]);
  const { data: run, error, refresh } = useApiData(load);
  useOnConnect(socket, (s) => {
    s.emit('experiment:subscribe', { experimentId: runId }, () => undefined);
    void refresh();
  });
  useSocketEvent(socket, 'experiment:status', (event: TExperimentStatusEvent) => {
    if (event.experimentId === runId) void refresh();
  });
  if (!run) return <LoadingOrError error={error} />;
  return (
    <Projection
      connected={connected}
      {...rest}
      run={{
        name: run.name,
        classId: run.classId,
        ownerName: run.ownerName,
        status: run.status,
        dataset: run.spec.dataset,
        detail: statusDetail(t, run.status, run.error, null),
        accuracy: run.testAccuracy,
        parameterCount: null,
        evaluation: run.result?.evaluation ?? null,
      }}
    />
  );
}

function statusDetail(
  t: Translate,
  status: TExperimentStatus,
  error: string | null,
  epochs: { done: number; total: number } | null,
): string | null {
  if (status === 'running' && epochs) return t('wall.projector.training', epochs);
  if (status === 'failed') return error;
  return null;
}

function LoadingOrError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return error ? (
    <p className="alert alert-error">{errorMessage(t, error)}</p>
  ) : (
    <p className="muted">{t('common.loading')}</p>
  );
}

/** One run on the classroom's projector, live; the student's name can be hidden. */
export function Projector({
  runId,
  kind,
  hideNameAtFirst,
}: {
  runId: string;
  kind: TRunKind;
  hideNameAtFirst: boolean;
}) {
  const { socket, connected } = useSocket();
  const [hideName, setHideName] = useState(hideNameAtFirst);
  const props = { runId, socket, connected, hideName, onHideName: setHideName };
  return kind === 'network' ? <NetworkProjection {...props} /> : <ClassicalProjection {...props} />;
}
