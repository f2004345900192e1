'use client';

import { DigitPad } from '@/components/DigitPad';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { useBrowserModel } from '@/lib/useBrowserModel';
import { Step } from './Step';

export function DrawingStep({ experimentId }: { experimentId: string | null }) {
  const { t } = useI18n();
  const { loaded, error } = useBrowserModel(experimentId ? api.modelUrl(experimentId) : null);

  if (!experimentId) {
    return <Step step="drawing" waiting={t('hello.drawing.waiting')} />;
  }

  return (
    <Step step="drawing">
      <p>{t('hello.drawing.intro')}</p>
      <p
        className={error ? 'alert alert-error' : 'small muted'}
        role="status"
        data-testid="model-load-status"
        data-ready={loaded ? 'true' : 'false'}
      >
        {error
          ? t('hello.drawing.loadError', { message: error })
          : loaded
            ? t('hello.drawing.ready', { backend: loaded.backend })
            : t('hello.drawing.loading')}
      </p>
      {/* a new run starts from a blank canvas */}
      <DigitPad key={experimentId} loaded={loaded} />
    </Step>
  );
}
