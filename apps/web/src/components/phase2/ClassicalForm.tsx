'use client';

import {
  CLASSICAL_LIMITS,
  classicalParameter,
  type TClassicalModel,
  type TClassicalSpecInput,
  ZClassicalFeatures,
  ZClassicalModel,
} from '@dlclass/contracts';
import { useState } from 'react';
import { SelectField } from '@/components/Field';
import { NumberField } from '@/components/NumberField';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { useSubmit } from '@/lib/useSubmit';

type TAlgorithm = TClassicalModel['algorithm'];
const ALGORITHMS = ZClassicalModel.options.map((option) => option.shape.algorithm.value);

/** Each model's one parameter, at its default value (scikit-learn's defaults, but 100 trees at most). */
const DEFAULT_MODELS: Record<TAlgorithm, TClassicalModel> = {
  'random-forest': { algorithm: 'random-forest', trees: 100 },
  knn: { algorithm: 'knn', k: 5 },
  'logistic-regression': { algorithm: 'logistic-regression', c: 1 },
};

function withParameter(model: TClassicalModel, value: number): TClassicalModel {
  switch (model.algorithm) {
    case 'random-forest':
      return { ...model, trees: value };
    case 'knn':
      return { ...model, k: value };
    case 'logistic-regression':
      return { ...model, c: value };
  }
}

/** The form that queues a classical run: the model and its parameter, its inputs, the training size. */
export function ClassicalForm({ onQueued }: { onQueued: () => void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [model, setModel] = useState<TClassicalModel>(DEFAULT_MODELS['random-forest']);
  const [features, setFeatures] = useState<TClassicalSpecInput['features']>('pixels');
  const [trainSize, setTrainSize] = useState(10_000);
  const [queued, setQueued] = useState(false);
  const fieldError = (field: string) => submit.fields.find((f) => f.field === field)?.message;
  const parameterField = `model.${Object.keys(model).find((key) => key !== 'algorithm')}`;

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setQueued(false);
    const ok = await submit.run(async () => {
      await api.submitClassicalRun({ model, features, trainSize });
    });
    if (ok) {
      setQueued(true);
      onQueued();
    }
  };

  return (
    <form onSubmit={send} noValidate data-testid="classical-form">
      <div className="grid-2">
        <SelectField
          label={t('phase2.blackBox.algorithm')}
          value={model.algorithm}
          options={ALGORITHMS.map((value) => ({ value, label: t(`phase2.algorithms.${value}`) }))}
          onChange={(algorithm) => setModel(DEFAULT_MODELS[algorithm])}
          testId="classical-algorithm"
        />
        <NumberField
          // keyed: another model, another parameter
          key={model.algorithm}
          label={t(`phase2.parameters.${model.algorithm}`)}
          hint={t(`phase2.parameterHints.${model.algorithm}`)}
          value={classicalParameter(model)}
          onChange={(value) => setModel(withParameter(model, value))}
          min={model.algorithm === 'logistic-regression' ? undefined : 1}
          max={
            model.algorithm === 'random-forest'
              ? CLASSICAL_LIMITS.maxTrees
              : model.algorithm === 'knn'
                ? CLASSICAL_LIMITS.maxK
                : CLASSICAL_LIMITS.maxC
          }
          decimal={model.algorithm === 'logistic-regression'}
          error={fieldError(parameterField)}
          testId="classical-parameter"
        />
        <SelectField
          label={t('phase2.blackBox.features')}
          value={features ?? 'pixels'}
          options={ZClassicalFeatures.options.map((value) => ({
            value,
            label: t(`phase2.features.${value}`),
          }))}
          onChange={setFeatures}
          error={fieldError('features')}
          testId="classical-features"
        />
        <NumberField
          label={t('phase2.blackBox.trainSize')}
          hint={t('phase2.blackBox.trainSizeHint')}
          value={trainSize}
          onChange={setTrainSize}
          min={CLASSICAL_LIMITS.minTrainSize}
          max={CLASSICAL_LIMITS.maxTrainSize}
          step={1000}
          error={fieldError('trainSize')}
          testId="classical-train-size"
        />
      </div>
      {submit.error && <p className="alert alert-error">{submit.error}</p>}
      {queued && (
        <p className="alert alert-ok" role="status">
          {t('phase2.blackBox.queued')}
        </p>
      )}
      <button type="submit" className="button" disabled={submit.busy} data-testid="classical-submit">
        {submit.busy ? t('phase2.blackBox.submitting') : t('phase2.blackBox.submit')}
      </button>
    </form>
  );
}
