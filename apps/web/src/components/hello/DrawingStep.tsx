'use client';

import { useState } from 'react';
import { DigitPad } from '@/components/DigitPad';
import { Checkbox, SelectField } from '@/components/Field';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { useBrowserModel } from '@/lib/useBrowserModel';
import { useSubmit } from '@/lib/useSubmit';
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
      <DigitPad
        key={experimentId}
        loaded={loaded}
        footer={(read) => <SaveDrawing experimentId={experimentId} read={read} />}
      />
    </Step>
  );
}

/**
 * Keeps the current drawing with the run, with the digit the student meant and, if they agree, in the class's
 * "real world" test set (the generalisation challenge tests every model of the class on it).
 */
function SaveDrawing({
  experimentId,
  read,
}: {
  experimentId: string;
  read: { input: Float32Array; probabilities: number[] } | null;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [intended, setIntended] = useState<string>('');
  const [consent, setConsent] = useState(false);
  const [saved, setSaved] = useState(0);
  const save = () =>
    submit.run(async () => {
      if (!read) return;
      await api.saveDrawing(experimentId, {
        pixels: Array.from(read.input, (v) => Math.round(v * 255)),
        intended: intended === '' ? null : Number(intended),
        predicted: read.probabilities.indexOf(Math.max(...read.probabilities)),
        probabilities: read.probabilities.map((p) => Math.min(1, Math.max(0, p))),
        consent,
      });
      setSaved((n) => n + 1);
    });
  return (
    <fieldset className="save-drawing" data-testid="save-drawing">
      <legend>{t('hello.drawing.saveTitle')}</legend>
      <SelectField
        label={t('hello.drawing.intended')}
        value={intended}
        options={[
          { value: '', label: t('hello.drawing.intendedUnknown') },
          ...Array.from({ length: 10 }, (_, digit) => ({ value: String(digit), label: String(digit) })),
        ]}
        onChange={setIntended}
        testId="drawing-intended"
      />
      <Checkbox
        label={t('hello.drawing.consent')}
        checked={consent}
        onChange={setConsent}
        testId="drawing-consent"
      />
      {submit.error && <p className="alert alert-error">{submit.error}</p>}
      <button
        type="button"
        className="button button-secondary"
        disabled={!read || submit.busy}
        onClick={() => void save()}
        data-testid="drawing-save"
      >
        {t('hello.drawing.save')}
      </button>
      {saved > 0 && (
        <p className="small" role="status" data-testid="drawing-saved" data-count={saved}>
          {t('hello.drawing.saved', { count: saved })}
        </p>
      )}
    </fieldset>
  );
}
