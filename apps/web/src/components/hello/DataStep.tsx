'use client';

import { DATASETS, type TDataset, type TDatasetInfo } from '@dlclass/contracts';
import { DigitImage } from '@/components/DigitImage';
import { SelectField } from '@/components/Field';
import { LoadState } from '@/components/LoadState';
import { Stats } from '@/components/Stats';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { Step } from './Step';

/** The "Données" step: the choice of dataset (the run's `dataset`) and what it holds. */
export function DataStep({
  dataset,
  onChange,
}: {
  dataset: TDataset;
  onChange: (dataset: TDataset) => void;
}) {
  const { t } = useI18n();
  return (
    <Step step="data">
      <p>{t(dataset === 'mnist' ? 'hello.data.intro' : 'hello.data.fashionIntro')}</p>
      <SelectField
        label={t('hello.data.choose')}
        value={dataset}
        options={DATASETS.map((id) => ({ value: id, label: t(`hello.data.datasets.${id}`) }))}
        onChange={onChange}
        testId="dataset-choice"
        style={{ maxWidth: 420 }}
      />
      {/* keyed: another dataset is another load */}
      <DatasetDetails key={dataset} id={dataset} />
    </Step>
  );
}

function DatasetDetails({ id }: { id: TDataset }) {
  const { t, locale } = useI18n();
  const { data: dataset, error } = useApiData<TDatasetInfo>(() => api.dataset(id));
  if (dataset === null) return <LoadState loaded={false} error={error} />;
  if (!dataset.available) {
    return (
      <div className="alert alert-error" role="alert" data-testid="dataset-unavailable">
        <p>{t('hello.data.unavailable', { name: dataset.name })}</p>
        <p>
          {t('hello.data.installHint')} <code>{dataset.install}</code>
        </p>
      </div>
    );
  }
  const label = (index: number) => dataset.classNames[index] ?? String(index);
  return (
    <>
      <Stats
        testId="dataset-stats"
        items={[
          { label: t('hello.data.trainCount'), value: formatNumber(locale, dataset.trainCount) },
          { label: t('hello.data.testCount'), value: formatNumber(locale, dataset.testCount) },
          {
            label: t('hello.data.imageSize'),
            value: t('hello.data.imageSizeValue', { size: dataset.imageSize }),
          },
          {
            label: t('hello.data.classes'),
            value: t(id === 'mnist' ? 'hello.data.classesValue' : 'hello.data.classesFashionValue', {
              count: dataset.classes,
            }),
          },
        ]}
      />
      <h3>{t('hello.data.examples')}</h3>
      <div className="digit-grid" data-testid="dataset-examples">
        {dataset.examples.map((example, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: examples are a fixed list with no id
          <figure key={`${i}-${example.label}`} className="digit-figure">
            <DigitImage
              pixels={example.pixels}
              label={t('hello.data.exampleLabel', { label: label(example.label) })}
            />
            <figcaption>{t('hello.data.exampleLabel', { label: label(example.label) })}</figcaption>
          </figure>
        ))}
      </div>
      <div className="explain">
        <h3>{t('hello.data.whyScaleTitle')}</h3>
        <p>{t('hello.data.whyScale')}</p>
      </div>
    </>
  );
}
