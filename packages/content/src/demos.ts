import { z } from 'zod';
import { type TDemo, ZDemo } from './schema';

/** The demonstrations of phase 1 (teacher-led); no external AI service is ever called. */
export const DEMOS: TDemo[] = z.array(ZDemo).parse([
  {
    id: 'code-completion',
    title: 'Complétion de code',
    paragraphs: ['Un modèle entraîné sur du code propose la suite de ce que vous tapez.'],
    widget: null,
    examples: [],
    questions: [
      { id: 'code-completion-how', prompt: 'Comment le modèle peut-il deviner la suite du code ?' },
      { id: 'code-completion-limits', prompt: 'Quelles limites voyez-vous à cet outil ?' },
    ],
  },
  {
    id: 'digit-recognition',
    title: 'Reconnaissance de chiffres',
    paragraphs: ['Dessinez un chiffre : un petit réseau le reconnaît dans votre navigateur.'],
    widget: 'digit-recognizer',
    examples: [],
    questions: [
      { id: 'digit-recognition-how', prompt: 'Comment le réseau a-t-il appris à lire les chiffres ?' },
      { id: 'digit-recognition-fail', prompt: 'Quand se trompe-t-il ?' },
    ],
  },
  {
    id: 'text-generation',
    title: 'Génération de texte',
    paragraphs: ['Un modèle de langage prédit le mot suivant, encore et encore.'],
    widget: null,
    examples: [],
    questions: [
      { id: 'text-generation-how', prompt: 'Comment un modèle produit-il un texte ?' },
      { id: 'text-generation-risks', prompt: 'Quels risques voyez-vous ?' },
    ],
  },
]);
