import { type TLesson, ZLesson } from './schema';

/** Séance 1, as the platform runs it. Texts are the project's own wording of the course overview. */
export const SEANCE_1: TLesson = ZLesson.parse({
  id: 'seance-1',
  title: "Introduction au Deep Learning par l'expérimentation",
  objectives: [
    'Manipuler concrètement un réseau de neurones simple',
    'Comprendre les différences entre Machine Learning classique et Deep Learning',
    "Expliquer le fonctionnement de base d'un réseau de neurones",
    "Appliquer des techniques d'amélioration d'un modèle de Deep Learning",
  ],
  phases: [
    {
      number: 1,
      title: 'Mise en situation pratique',
      durationMinutes: 60,
      goal: 'Découvrir le Deep Learning par des exemples concrets, sans théorie pour le moment.',
      activities: [
        {
          slug: 'demonstrations',
          title: 'Démonstrations',
          summary: 'Complétion de code, reconnaissance de chiffres en direct, génération de texte.',
          durationMinutes: 15,
          competences: ['B2.3'],
          available: false,
        },
        {
          slug: 'hello-world',
          title: 'Hello World du Deep Learning',
          summary:
            'Entraîner un vrai réseau de neurones sur MNIST, suivre son apprentissage en direct, puis lui faire lire vos propres chiffres.',
          durationMinutes: 30,
          competences: ['B1.3', 'B2.2', 'B3.2'],
          available: true,
        },
        {
          slug: 'defi-experimentation',
          title: "Challenge d'expérimentation guidée",
          summary: 'Changer un paramètre à la fois et comparer les entraînements côte à côte.',
          durationMinutes: 15,
          competences: ['B2.2', 'B3.2'],
          available: false,
        },
      ],
    },
    {
      number: 2,
      title: 'Découverte des concepts',
      durationMinutes: 90,
      goal: 'Comparer Machine Learning classique et Deep Learning pour comprendre leurs différences.',
      activities: [
        {
          slug: 'boite-noire',
          title: 'Atelier « Boîte noire »',
          summary: 'Le même jeu de données pour un modèle classique et un réseau de neurones.',
          durationMinutes: 30,
          competences: ['B1.3', 'B3.2'],
          available: false,
        },
        {
          slug: 'generalisation',
          title: 'Défi de généralisation',
          summary: 'Bruit, rotation, inversion : quel modèle résiste le mieux ?',
          durationMinutes: 20,
          competences: ['B3.2'],
          available: false,
        },
        {
          slug: 'anatomie',
          title: "Anatomie d'un réseau",
          summary: 'Un neurone, un petit réseau, le défi XOR et la frontière de décision.',
          durationMinutes: 40,
          competences: ['B2.3'],
          available: false,
        },
      ],
    },
    {
      number: 3,
      title: 'Évaluation et synthèse',
      durationMinutes: 30,
      goal: 'Consolider ses connaissances et évaluer sa compréhension.',
      activities: [
        {
          slug: 'qcm',
          title: 'QCM',
          summary: 'Une quinzaine de questions sur les notions fondamentales.',
          durationMinutes: 15,
          competences: ['B3.2'],
          available: false,
        },
        {
          slug: 'synthese',
          title: 'Synthèse personnelle',
          summary: 'Ce qui est clair, ce qui reste à approfondir, ce qui vous a surpris.',
          durationMinutes: 15,
          competences: ['B2.2'],
          available: false,
        },
      ],
    },
  ],
});
