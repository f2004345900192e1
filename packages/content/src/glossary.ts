import type { TGlossaryTerm } from './schema';
import { ZGlossary } from './schema';

/** Deep-learning terms, linked from the pages where they appear. */
export const GLOSSARY: TGlossaryTerm[] = ZGlossary.parse([
  {
    id: 'epoch',
    term: 'époque',
    aliases: ['époques', 'epoch', 'epochs'],
    definition: 'Un passage complet du réseau sur toutes les images d’entraînement.',
  },
]);
