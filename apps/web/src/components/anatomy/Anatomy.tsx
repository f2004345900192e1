'use client';

import { useT } from '@/i18n/client';
import { NeuronLab } from './NeuronLab';
import { Playground } from './Playground';
import { XorChallenge } from './XorChallenge';

/** The "Anatomie d'un réseau" workshop: one neuron, the XOR challenge, the training playground. */
export function Anatomy() {
  const t = useT();
  return (
    <>
      <h1>{t('anatomy.title')}</h1>
      <p>{t('anatomy.intro')}</p>
      <NeuronLab />
      <XorChallenge />
      <Playground />
    </>
  );
}
