'use client';

import {
  EXPERIMENT_LIMITS as L,
  type TAugmentation,
  type TExperimentSpec,
  type TLayer,
  type TLayerType,
  ZActivation,
  ZOptimizer,
} from '@dlclass/contracts';
import type { TPlannedLayer } from '@dlclass/ml';
import { type FormEvent, type ReactNode, useState } from 'react';
import { CompactSelect, FieldFrame } from '@/components/Field';
import { useI18n } from '@/i18n/client';
import { formatNumber } from '@/lib/format';
import { type FieldSpec, SpecFields } from './SpecFields';

export const LAYER_TYPES: readonly TLayerType[] = ['conv2d', 'maxPooling2d', 'flatten', 'dense', 'dropout'];

export function defaultLayer(type: TLayerType): TLayer {
  switch (type) {
    case 'dense':
      return { type, units: 64, activation: 'relu' };
    case 'conv2d':
      return { type, filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
    case 'maxPooling2d':
      return { type, poolSize: 2 };
    case 'flatten':
      return { type };
    case 'dropout':
      return { type, rate: 0.25 };
  }
}

const options = <V extends string>(values: readonly V[]) => values.map((value) => ({ value, label: value }));
const ACTIVATION = { name: 'activation', options: options(ZActivation.options) } as const;

type LayerOf<T extends TLayerType> = Extract<TLayer, { type: T }>;
type KeysOf<U> = U extends unknown ? keyof U & string : never;
type LayerField = Exclude<KeysOf<TLayer>, 'type'>;

/** The fields of each layer type, in order (hints show the bounds). */
const LAYER_FIELDS: { [T in TLayerType]: readonly FieldSpec<Exclude<KeysOf<LayerOf<T>>, 'type'>>[] } = {
  dense: [{ name: 'units', min: 1, max: L.maxUnits }, ACTIVATION],
  conv2d: [
    { name: 'filters', min: 1, max: L.maxFilters },
    { name: 'kernelSize', min: 1, max: L.maxKernelSize },
    { name: 'strides', min: 1, max: L.maxStrides },
    { name: 'padding', options: options(['valid', 'same']) },
    ACTIVATION,
  ],
  maxPooling2d: [{ name: 'poolSize', min: 1, max: L.maxPoolSize }],
  dropout: [{ name: 'rate', min: 0, max: 0.9, decimal: true }],
  flatten: [],
};

type TrainingNumber = 'epochs' | 'batchSize' | 'learningRate' | 'validationSplit' | 'trainSize';
type TrainingField = TrainingNumber | 'optimizer';

const TRAINING_FIELDS: readonly FieldSpec<TrainingNumber, 'optimizer'>[] = [
  { name: 'epochs', min: 1, max: L.maxEpochs },
  { name: 'batchSize', min: L.minBatchSize, max: L.maxBatchSize },
  { name: 'learningRate', max: L.maxLearningRate, decimal: true },
  { name: 'optimizer', options: options(ZOptimizer.options) },
  { name: 'validationSplit', max: L.maxValidationSplit, decimal: true },
  { name: 'trainSize', min: L.minTrainSize, max: L.maxTrainSize, step: 100 },
];

type AugmentationField = keyof TAugmentation;
const AUGMENTATION_FIELDS: readonly FieldSpec<AugmentationField>[] = [
  { name: 'shift', max: L.maxAugmentShift },
  { name: 'rotation', max: L.maxAugmentRotation, step: 5 },
];
const AUGMENTATION_OFF: TAugmentation = { shift: 0, rotation: 0 };

const TRAINING_TEST_IDS: Record<TrainingField, string> = {
  epochs: 'train-epochs',
  batchSize: 'train-batch-size',
  learningRate: 'train-learning-rate',
  optimizer: 'train-optimizer',
  validationSplit: 'train-validation-split',
  trainSize: 'train-size',
};

/** The buttons of a layer card (texts `hello.model.<key>` and `hello.model.<key>Label`). */
type LayerAction = {
  key: 'moveUp' | 'moveDown' | 'remove';
  symbol: string;
  run: () => void;
  disabled?: boolean;
  testId?: string;
};

type ModelEditorProps = {
  spec: TExperimentSpec;
  onChange: (spec: TExperimentSpec) => void;
  /** Planned layers (shapes and parameters) when the model is valid, else null. */
  plan: TPlannedLayer[] | null;
  parameterCount: number | null;
  /** Field path -> French message, from the local checks and from the API's 400. */
  errors: Record<string, string>;
  summary: string[];
  submitting: boolean;
  onSubmit: () => void;
  onReset: () => void;
  /** Beside the train button: how long the run would take and when it would start. */
  estimate?: ReactNode;
};

const shapeText = (shape: number[]) => shape.join(' × ');

export function ModelEditor(props: ModelEditorProps) {
  const { spec, onChange, plan, parameterCount, errors, summary, submitting, onSubmit, onReset, estimate } =
    props;
  const { t, locale } = useI18n();
  const [newType, setNewType] = useState<TLayerType>('dense');
  const layers = spec.model.layers;

  const setLayers = (next: TLayer[]) => onChange({ ...spec, model: { layers: next } });
  const updateLayer = (index: number, patch: Partial<TLayer>) =>
    setLayers(layers.map((layer, i) => (i === index ? ({ ...layer, ...patch } as TLayer) : layer)));
  const move = (index: number, delta: number) => {
    const next = [...layers];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    setLayers(next);
  };
  const setTraining = (patch: Partial<TExperimentSpec['training']>) =>
    onChange({ ...spec, training: { ...spec.training, ...patch } });

  const range = (min: number, max: number) =>
    t('hello.model.range', { min: formatNumber(locale, min, 4), max: formatNumber(locale, max, 4) });

  const layerActions = (index: number): LayerAction[] => [
    { key: 'moveUp', symbol: '↑', run: () => move(index, -1), disabled: index === 0 },
    { key: 'moveDown', symbol: '↓', run: () => move(index, 1), disabled: index === layers.length - 1 },
    {
      key: 'remove',
      symbol: '✕',
      run: () => setLayers(layers.filter((_, i) => i !== index)),
      testId: 'layer-remove',
    },
  ];

  const metaFor = (planned: TPlannedLayer | undefined) =>
    planned
      ? `${t('hello.model.shape', { shape: shapeText(planned.summary.outputShape) })} · ${t(
          'hello.model.params',
          {
            count: planned.summary.parameters,
          },
        )}`
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  const tooLarge = parameterCount !== null && parameterCount > L.maxParameters;
  const outputPlan = plan?.find((p) => p.kind === 'output');

  return (
    <form onSubmit={submit} noValidate data-testid="model-form">
      <h3>{t('hello.model.layersTitle')}</h3>
      <ol className="layer-list" data-testid="layer-list">
        <li className="layer-fixed">
          <span>{t('hello.model.inputLayer')}</span>
        </li>
        {layers.map((layer, index) => {
          const planned = plan?.find((p) => p.kind === 'spec' && p.index === index);
          const autoFlatten = plan
            ? plan[plan.findIndex((p) => p.kind === 'spec' && p.index === index) - 1]
            : undefined;
          const layerError = errors[`model.layers.${index}`];
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: layers have no identity besides their position
            <li key={index} className="layer-list-item">
              {autoFlatten?.kind === 'autoFlatten' && (
                <div className="layer-fixed" style={{ marginBottom: '0.5rem' }}>
                  <span>{t('hello.model.autoFlatten')}</span>
                  <span className="layer-meta">{metaFor(autoFlatten)}</span>
                </div>
              )}
              <fieldset
                className={`layer-card${layerError ? ' invalid' : ''}`}
                data-testid="layer-card"
                data-layer-type={layer.type}
                style={{ margin: 0 }}
              >
                <div className="layer-head">
                  <legend style={{ float: 'left', padding: 0 }}>
                    <strong>
                      {t('hello.model.layerHeading', {
                        index: number,
                        type: t(`hello.model.types.${layer.type}`),
                      })}
                    </strong>
                  </legend>
                  <span className="layer-meta" data-testid="layer-params">
                    {metaFor(planned)}
                  </span>
                  <span className="row">
                    {layerActions(index).map((action) => (
                      <button
                        key={action.key}
                        type="button"
                        className="icon-button"
                        onClick={action.run}
                        disabled={action.disabled}
                        aria-label={t(`hello.model.${action.key}Label`, { index: number })}
                        data-testid={action.testId}
                      >
                        {action.symbol} {t(`hello.model.${action.key}`)}
                      </button>
                    ))}
                  </span>
                </div>
                <div className="layer-fields" style={{ clear: 'both' }}>
                  <SpecFields<LayerField, LayerField>
                    fields={LAYER_FIELDS[layer.type]}
                    values={layer}
                    onChange={(patch) => updateLayer(index, patch as Partial<TLayer>)}
                    label={(name) => t(`hello.model.fields.${name}`)}
                    hint={(field) => range(field.min ?? 0, field.max ?? 0)}
                    error={(name) => errors[`model.layers.${index}.${name}`]}
                    testId={(name) => `layer-${index}-${name}`}
                  />
                </div>
                {layerError && <p className="field-error">{layerError}</p>}
              </fieldset>
            </li>
          );
        })}
        {plan && plan.length >= 2 && plan[plan.length - 2]?.kind === 'autoFlatten' && (
          <li className="layer-fixed">
            <span>{t('hello.model.autoFlatten')}</span>
            <span className="layer-meta">{metaFor(plan[plan.length - 2])}</span>
          </li>
        )}
        <li className="layer-fixed">
          <span>{t('hello.model.outputLayer')}</span>
          <span className="layer-meta">{metaFor(outputPlan)}</span>
        </li>
      </ol>
      {errors['model.layers'] && <p className="field-error">{errors['model.layers']}</p>}

      <div className="spread" style={{ marginBottom: '1rem' }}>
        <div className="row">
          <CompactSelect
            label={t('hello.model.addType')}
            value={newType}
            options={LAYER_TYPES.map((type) => ({ value: type, label: t(`hello.model.types.${type}`) }))}
            onChange={setNewType}
            testId="add-layer-type"
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={layers.length >= L.maxLayers}
            onClick={() => setLayers([...layers, defaultLayer(newType)])}
            data-testid="add-layer"
          >
            + {t('hello.model.add')}
          </button>
          {layers.length >= L.maxLayers && (
            <span className="hint">{t('hello.model.maxLayers', { max: L.maxLayers })}</span>
          )}
        </div>
        <div className="row">
          <span
            className="total-params"
            data-testid="param-total"
            data-value={parameterCount ?? ''}
            style={tooLarge ? { color: 'var(--error)' } : undefined}
          >
            {parameterCount === null
              ? t('common.none')
              : tooLarge
                ? t('hello.model.totalTooLarge', { count: parameterCount, max: L.maxParameters })
                : t('hello.model.total', { count: parameterCount })}
          </span>
          <button type="button" className="button button-quiet" onClick={onReset} data-testid="reset-model">
            {t('hello.model.reset')}
          </button>
        </div>
      </div>

      <h3>{t('hello.model.trainingTitle')}</h3>
      <FieldFrame label={t('hello.model.training.name')} error={errors.name} style={{ maxWidth: 420 }}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={L.maxNameLength}
            value={spec.name ?? ''}
            onChange={(e) => onChange({ ...spec, name: e.target.value })}
            data-testid="run-name"
          />
        )}
      </FieldFrame>
      <div className="training-fields">
        <SpecFields
          fields={TRAINING_FIELDS}
          values={spec.training}
          onChange={(patch) => setTraining(patch as Partial<TExperimentSpec['training']>)}
          label={(name) => t(`hello.model.training.${name}`)}
          hint={(field) => t(`hello.model.hints.${field.name}`, { min: field.min ?? 0, max: field.max ?? 0 })}
          error={(name) => errors[`training.${name}`]}
          testId={(name) => TRAINING_TEST_IDS[name]}
        />
      </div>

      <h4>{t('hello.model.augmentation.title')}</h4>
      <p className="hint">{t('hello.model.augmentation.intro')}</p>
      <div className="training-fields">
        <SpecFields<AugmentationField, AugmentationField>
          fields={AUGMENTATION_FIELDS}
          values={spec.training.augmentation ?? AUGMENTATION_OFF}
          onChange={(patch) => {
            const next = { ...AUGMENTATION_OFF, ...spec.training.augmentation, ...patch } as TAugmentation;
            // both at 0: off, and absent from the spec as in a run that never had it
            setTraining({ augmentation: next.shift || next.rotation ? next : undefined });
          }}
          label={(name) => t(`hello.model.augmentation.${name}`)}
          hint={(field) => t(`hello.model.hints.${field.name}`, { max: field.max ?? 0 })}
          error={(name) => errors[`training.augmentation.${name}`]}
          testId={(name) => `train-augmentation-${name}`}
        />
      </div>

      {summary.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="model-errors">
          {t('errors.fixFields')}
          <ul>
            {summary.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <button type="submit" className="button button-big" disabled={submitting} data-testid="train-button">
          {submitting ? t('hello.model.submitting') : t('hello.model.train')}
        </button>
        {estimate}
      </div>
    </form>
  );
}
