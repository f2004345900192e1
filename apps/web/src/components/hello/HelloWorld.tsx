'use client';

import {
  EXPERIMENT_LIMITS,
  REFERENCE_EXPERIMENT,
  type TExperimentSpec,
  type TFieldError,
  type TRunSize,
  type TRunSizeActivity,
  toFieldErrors,
  ZExperimentSpec,
} from '@dlclass/contracts';
import { planModel } from '@dlclass/ml';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SelectField } from '@/components/Field';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { errorMessage, fieldErrorMap } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { lessonApi } from '@/lib/lessonApi';
import { isActive } from '@/lib/runEvents';
import { useSocket } from '@/lib/socket';
import { useLiveExperiment } from '@/lib/useLiveExperiment';
import { useLiveRuns } from '@/lib/useLiveRuns';
import { useSubmit } from '@/lib/useSubmit';
import { DataStep } from './DataStep';
import { DrawingStep } from './DrawingStep';
import { EnvironmentStep } from './EnvironmentStep';
import { EvaluationStep } from './EvaluationStep';
import { LaunchEstimate } from './LaunchEstimate';
import { ModelEditor } from './ModelEditor';
import { STEP_NAMES, STEPS, Step } from './Step';
import { TrainingStep } from './TrainingStep';

/** The lesson's reference model, at the class's run size for the activity once it is known. */
function reference(size: TRunSize | null): TExperimentSpec {
  const spec = structuredClone(REFERENCE_EXPERIMENT);
  return size ? { ...spec, training: { ...spec.training, ...size } } : spec;
}

/**
 * A stored spec, into the editor: without its seed, which the class gives (one for the class, or one per
 * student: a spec broadcast from another student's run must not carry theirs).
 */
function editable(spec: TExperimentSpec): TExperimentSpec {
  const { seed: _seed, ...training } = spec.training;
  return { ...spec, training };
}

/** What is sent: an empty name is left out (the API names the run). */
function toSubmission(spec: TExperimentSpec) {
  const name = spec.name?.trim();
  return { ...spec, name: name ? name : undefined };
}

export function HelloWorld({
  initialRunId,
  loadBroadcast = false,
  activity = 'hello',
}: {
  initialRunId: string | null;
  loadBroadcast?: boolean;
  /** Whose run size the reference starts from: the Hello World's, or the guided challenge's. */
  activity?: TRunSizeActivity;
}) {
  const { t, locale } = useI18n();
  const [spec, setSpec] = useState<TExperimentSpec>(() => reference(null));
  /** The class's run size for this activity (null until the lesson is loaded). */
  const [runSize, setRunSize] = useState<TRunSize | null>(null);
  /** The editor still shows the reference nobody changed: the class's run size may replace it. */
  const untouched = useRef(initialRunId === null);
  const [runId, setRunId] = useState<string | null>(initialRunId);
  const [showErrors, setShowErrors] = useState(false);
  /** The run whose cancellation was asked from this page (the button waits for the run to stop). */
  const [cancelAsked, setCancelAsked] = useState<string | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const submission = useSubmit();
  const retraining = useSubmit();
  /** The spec of a run loaded from the picker goes into the editor once. */
  const specLoadedFor = useRef<string | null>(null);

  const { socket, connected } = useSocket();
  const { runs } = useLiveRuns(socket, null);
  const live = useLiveExperiment(socket, connected, runId);
  const { experiment } = live;

  // ---- Validation and live parameter count -------------------------------------------------------------
  const validation = useMemo(() => {
    const parsed = ZExperimentSpec.safeParse(toSubmission(spec));
    const local: TFieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
    const modelOnly = ZExperimentSpec.shape.model.safeParse(spec.model);
    let plan = null;
    let parameterCount: number | null = null;
    if (modelOnly.success) {
      const planned = planModel(modelOnly.data);
      if (planned.ok) {
        plan = planned.layers;
        parameterCount = planned.layers.reduce((sum, p) => sum + p.summary.parameters, 0);
        if (parameterCount > EXPERIMENT_LIMITS.maxParameters) {
          local.push({
            field: 'model',
            message: t('hello.model.totalTooLarge', {
              count: parameterCount,
              max: EXPERIMENT_LIMITS.maxParameters,
            }),
          });
        }
      } else local.push(...planned.errors);
    }
    return { parsed, local, plan, parameterCount };
  }, [spec, t]);

  const errors = fieldErrorMap(validation.local, submission.fields);
  const summary = showErrors
    ? [...new Set([...validation.local, ...submission.fields].map((e) => e.message))]
    : [];

  const editSpec = (next: TExperimentSpec) => {
    untouched.current = false;
    setSpec(next);
    submission.reset();
  };

  // ---- Following one run --------------------------------------------------------------------------------
  useEffect(() => {
    const url = new URL(window.location.href);
    if (runId) url.searchParams.set('run', runId);
    else url.searchParams.delete('run');
    window.history.replaceState(null, '', url);
    setCancelError(null);
  }, [runId]);

  useEffect(() => {
    if (!experiment || specLoadedFor.current === experiment.id) return;
    specLoadedFor.current = experiment.id;
    untouched.current = false;
    setSpec({ ...editable(experiment.spec), name: experiment.spec.name ?? experiment.name });
  }, [experiment]);

  // The class's run size for the activity; the model the teacher broadcast, once, into a fresh editor (no
  // run followed), else the reference at that size.
  const [broadcastLoaded, setBroadcastLoaded] = useState<{ name: string; from: string } | null>(null);
  useEffect(() => {
    lessonApi.lesson().then(
      ({ broadcast, runDefaults }) => {
        const size = runDefaults[activity];
        setRunSize(size);
        if (!loadBroadcast || !broadcast?.spec) {
          if (untouched.current) setSpec(reference(size));
          return;
        }
        untouched.current = false;
        setRunId(null);
        setSpec(editable(structuredClone(broadcast.spec)));
        setBroadcastLoaded({ name: broadcast.spec.name ?? '', from: broadcast.from });
        const url = new URL(window.location.href);
        url.searchParams.delete('modele');
        window.history.replaceState(null, '', url);
      },
      () => undefined, // the page stays on the reference model
    );
  }, [loadBroadcast, activity]);

  const cancelling = isActive(experiment) && cancelAsked === runId;

  // ---- Actions ------------------------------------------------------------------------------------------
  async function train() {
    setShowErrors(true);
    if (!validation.parsed.success || validation.local.length > 0) {
      submission.reset();
      return;
    }
    const submitted = validation.parsed.data;
    await submission.run(async () => {
      const response = await api.submitExperiment(submitted);
      setShowErrors(false);
      specLoadedFor.current = response.id;
      setRunId(response.id);
      document.getElementById(STEPS.training.anchor)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
  }

  /** The run followed was copied from an identical finished one: train it anew all the same. */
  async function retrain() {
    if (!experiment) return;
    await retraining.run(async () => {
      const response = await api.submitExperiment(experiment.spec, { fresh: true });
      specLoadedFor.current = response.id;
      setRunId(response.id);
    });
  }

  async function cancel() {
    if (!runId) return;
    setCancelAsked(runId);
    setCancelError(null);
    try {
      await api.cancelExperiment(runId);
      await live.reload(runId);
    } catch (caught) {
      setCancelError(caught);
      setCancelAsked(null);
    }
  }

  const runError = live.error ?? cancelError;
  const drawableRun = experiment?.status === 'succeeded' && experiment.hasModel ? experiment.id : null;

  return (
    <>
      <p>
        <Link href="/eleve">{t('hello.backToActivities')}</Link>
      </p>
      <div className="spread">
        <h1>{t('hello.title')}</h1>
        <SelectField
          label={t('hello.runPicker')}
          style={{ minWidth: 320, marginBottom: 0 }}
          value={runId ?? ''}
          options={[
            { value: '', label: t('hello.runPickerNone') },
            ...(runId && !runs?.some((r) => r.id === runId)
              ? [{ value: runId, label: experiment?.name ?? runId }]
              : []),
            ...(runs ?? []).map((run) => ({
              value: run.id,
              label: t('hello.runOption', {
                name: run.name,
                status: t(`status.${run.status}`),
                date: formatDateTime(locale, run.createdAt),
              }),
            })),
          ]}
          onChange={(value) => setRunId(value || null)}
          testId="run-picker"
        />
      </div>
      <p className="muted">{t('hello.intro')}</p>
      {broadcastLoaded && (
        <p className="alert alert-info" role="status" data-testid="broadcast-loaded">
          {t('lesson.broadcast.loaded', {
            name: broadcastLoaded.name || t('lesson.broadcast.unnamed'),
            from: broadcastLoaded.from,
          })}
        </p>
      )}
      <nav className="steps-nav" aria-label={t('hello.title')}>
        {STEP_NAMES.map((step) => (
          <a key={step} href={`#${STEPS[step].anchor}`}>
            {t(`hello.steps.${step}`)}
          </a>
        ))}
      </nav>
      {runError ? (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, runError)}
        </p>
      ) : null}

      <EnvironmentStep />
      <DataStep dataset={spec.dataset} onChange={(dataset) => editSpec({ ...spec, dataset })} />
      <Step step="model">
        <p>{t('hello.model.intro')}</p>
        {submission.error && (
          <p className="alert alert-error" role="alert" data-testid="submit-error">
            {submission.error}
          </p>
        )}
        <ModelEditor
          spec={spec}
          onChange={editSpec}
          plan={validation.plan}
          parameterCount={validation.parameterCount}
          errors={errors}
          summary={summary}
          submitting={submission.busy}
          onSubmit={train}
          onReset={() => editSpec(reference(runSize))}
          estimate={
            <LaunchEstimate
              spec={
                validation.parsed.success && validation.local.length === 0 ? validation.parsed.data : null
              }
            />
          }
        />
      </Step>
      <TrainingStep
        experiment={experiment}
        batches={live.batches}
        lastBatch={live.lastBatch}
        connected={connected}
        cancelling={cancelling}
        onCancel={cancel}
        retraining={retraining.busy}
        onRetrain={retrain}
      />
      {retraining.error && (
        <p className="alert alert-error" role="alert">
          {retraining.error}
        </p>
      )}
      <EvaluationStep experiment={experiment} />
      <DrawingStep experimentId={drawableRun} />
    </>
  );
}
