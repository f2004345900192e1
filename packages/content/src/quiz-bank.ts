import type { TQuizQuestionContent } from './schema';
import { ZQuizBank } from './schema';

/** The QCM's bank of questions; every option explains why it is right or wrong. */
export const QUIZ_BANK: TQuizQuestionContent[] = ZQuizBank.parse([
  {
    id: 'dl-vs-ml',
    prompt: 'Qu’est-ce qui distingue principalement le Deep Learning du Machine Learning classique ?',
    multiple: false,
    topic: 'dl-vs-ml',
    competences: ['B3.2'],
    options: [
      {
        id: 'a',
        text: 'Il extrait lui-même les caractéristiques utiles des données',
        correct: true,
        explanation: 'Oui.',
      },
      { id: 'b', text: 'Il n’a pas besoin de données', correct: false, explanation: 'Non.' },
      { id: 'c', text: 'Il est toujours plus rapide', correct: false, explanation: 'Non.' },
    ],
  },
]);
