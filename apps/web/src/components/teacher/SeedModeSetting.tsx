'use client';

import type { TClass, TSeedMode } from '@dlclass/contracts';
import { useState } from 'react';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { useSubmit } from '@/lib/useSubmit';

const MODES: readonly TSeedMode[] = ['class', 'student'];

/**
 * How the class's runs without a seed of their own get one: the class's (identical runs then share one
 * training) or each student's (varied results, every run trained). Saved as soon as it is chosen.
 */
export function SeedModeSetting({
  schoolClass,
  onChanged,
}: {
  schoolClass: TClass;
  onChanged: (changed: TClass) => void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [saved, setSaved] = useState(false);
  /** Shown checked at once; back to the class's mode if the save fails. */
  const [chosen, setChosen] = useState(schoolClass.seedMode);
  const choose = async (seedMode: TSeedMode) => {
    setChosen(seedMode);
    setSaved(false);
    const ok = await submit.run(async () => onChanged(await api.updateClass(schoolClass.id, { seedMode })));
    if (!ok) setChosen(schoolClass.seedMode);
    setSaved(ok);
  };
  return (
    <fieldset className="seed-mode" disabled={submit.busy} data-testid="seed-mode">
      <legend>{t('sharing.seed.title')}</legend>
      <p className="small muted">{t('sharing.seed.hint')}</p>
      {MODES.map((mode) => (
        <label key={mode} className="radio-line">
          <input
            type="radio"
            name={`seed-mode-${schoolClass.id}`}
            value={mode}
            checked={chosen === mode}
            onChange={() => void choose(mode)}
            data-testid={`seed-mode-${mode}`}
          />{' '}
          {t(`sharing.seed.${mode}`)}
        </label>
      ))}
      {saved && (
        <p className="small" role="status" data-testid="seed-mode-saved">
          {t('sharing.seed.saved')}
        </p>
      )}
      {submit.error && <p className="alert alert-error">{submit.error}</p>}
    </fieldset>
  );
}
