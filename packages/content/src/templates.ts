import type { TMeasuredFact } from '@dlclass/contracts';
import { DEMOS } from './demos';
import { SCHEMA_DIAGRAM } from './diagram';
import { MISSIONS } from './missions';
import { type TField, type TTemplate, ZTemplate } from './schema';
import { SELF_ASSESSMENT, SELF_ASSESSMENT_LEVELS } from './self-assessment';

const textField = (id: string, prompt: string, rows = 3, hint?: string): TField =>
  hint === undefined ? { kind: 'text', id, prompt, rows } : { kind: 'text', id, prompt, rows, hint };

const measured = (id: string, label: string, fact: TMeasuredFact): TField => ({
  kind: 'measured',
  id,
  label,
  fact,
});

/** Phase 1, demonstrations: a section per demo, a text field per reflection question (not graded). */
const DEMONSTRATIONS: TTemplate = {
  id: 'demonstrations',
  title: 'Démonstrations',
  intro: 'Après chaque démonstration, répondez aux questions de réflexion avec vos propres mots.',
  submittable: false,
  sections: DEMOS.map((demo) => ({
    id: demo.id,
    title: demo.title,
    fields: demo.questions.map((question) => textField(question.id, question.prompt, 3, question.hint)),
  })),
};

/** Phase 1, guided challenge: per mission, the runs that answer it and what the student concludes. */
const GUIDED_CHALLENGE: TTemplate = {
  id: 'defi-experimentation',
  title: "Challenge d'expérimentation guidée",
  intro:
    'Partez du modèle de référence et ne changez qu’un seul paramètre à la fois. Rattachez à chaque mission les entraînements qui y répondent, puis comparez-les.',
  submittable: false,
  sections: MISSIONS.map((mission) => ({
    id: mission.id,
    title: mission.title,
    intro: mission.instructions,
    fields: [
      { kind: 'runs', id: `${mission.id}-runs`, label: 'Entraînements de cette mission' },
      textField(`${mission.id}-answer`, mission.question, 4),
    ],
  })),
};

/** Deliverable 1: the observation sheet of the Hello World, measured facts next to the student's answers. */
const OBSERVATION_SHEET: TTemplate = {
  id: 'fiche-observation',
  title: "Fiche d'observations — Hello World du Deep Learning",
  intro:
    'Les valeurs marquées « mesuré » viennent de votre propre entraînement : la plateforme les remplit, vous ne pouvez pas les modifier. Répondez aux autres questions avec vos mots.',
  submittable: true,
  sections: [
    {
      id: 'environment',
      title: '1. Environnement',
      fields: [
        { kind: 'run', id: 'run', label: 'Votre entraînement « Hello World »' },
        measured('backend', 'Moteur de calcul utilisé', 'backend'),
        measured('device', 'Matériel (processeur ou carte graphique)', 'device'),
      ],
    },
    {
      id: 'data',
      title: '2. Les données',
      fields: [
        measured('train-images', "Images d'entraînement", 'trainImages'),
        measured('validation-images', 'Images de validation', 'validationImages'),
        measured('test-images', 'Images de test', 'testImages'),
        measured('image-size', 'Taille des images', 'imageSize'),
        textField(
          'why-normalise',
          'Pourquoi ramène-t-on la valeur des pixels entre 0 et 1 avant l’entraînement ?',
          3,
          'Pensez à l’échelle des nombres que le réseau additionne et multiplie.',
        ),
      ],
    },
    {
      id: 'model',
      title: '3. Le modèle',
      fields: [
        measured('layer-count', 'Nombre de couches', 'layerCount'),
        measured('parameter-count', 'Nombre total de paramètres', 'parameterCount'),
        textField('convolution-role', 'À quoi sert une couche de convolution ?'),
        textField('pooling-role', 'À quoi sert une couche de pooling ?'),
        textField('why-softmax', 'Pourquoi la dernière couche utilise-t-elle la fonction softmax ?'),
      ],
    },
    {
      id: 'training',
      title: "4. L'entraînement",
      fields: [
        measured('epochs', "Nombre d'époques", 'epochs'),
        measured('train-accuracy', "Précision finale sur l'entraînement", 'trainAccuracy'),
        measured('validation-accuracy', 'Précision finale sur la validation', 'validationAccuracy'),
        textField(
          'overfitting',
          'Observez-vous du surapprentissage ? Justifiez à partir des courbes.',
          4,
          'Comparez les courbes d’entraînement et de validation au fil des époques.',
        ),
        textField('enough-epochs', "Le nombre d'époques vous semble-t-il suffisant ? Pourquoi ?"),
      ],
    },
    {
      id: 'evaluation',
      title: '5. Évaluation',
      fields: [
        measured('test-accuracy', 'Précision sur le jeu de test', 'testAccuracy'),
        measured('correct-samples', 'Chiffres de test bien reconnus sur dix', 'correctSamples'),
        textField('test-errors', 'Quels chiffres le modèle confond-il le plus ? Proposez une explication.'),
      ],
    },
    {
      id: 'drawing',
      title: '6. Tests avec vos dessins',
      fields: [
        measured('drawings', 'Vos dessins et la lecture du modèle', 'drawings'),
        textField(
          'misread-drawing',
          'Si un de vos dessins a été mal lu, pourquoi selon vous ? Sinon, quel dessin pourrait le tromper ?',
          4,
        ),
      ],
    },
    {
      id: 'experiments',
      title: '7. Deux expériences documentées',
      intro:
        'Choisissez deux paires d’entraînements (avant / après) qui ne diffèrent que par un paramètre ; la plateforme relève le paramètre, ses valeurs et les précisions.',
      fields: [
        { kind: 'experiment', id: 'experiment-1', label: 'Expérience 1' },
        { kind: 'experiment', id: 'experiment-2', label: 'Expérience 2' },
      ],
    },
    {
      id: 'conclusion',
      title: '8. Conclusion',
      fields: [
        textField('learned', 'Trois choses que vous avez apprises', 4),
        textField('improvements', 'Comment pourrait-on encore améliorer ce modèle ?'),
        textField(
          'human-comparison',
          'Comparez la façon dont le réseau lit un chiffre avec la façon dont vous le lisez.',
        ),
        textField('vision-applications', "Citez d'autres applications de la vision par ordinateur."),
      ],
    },
    {
      id: 'personal-glossary',
      title: '9. Glossaire personnel',
      intro: 'Définissez chaque terme en une ou deux phrases, avec vos mots.',
      fields: [
        ['convolution', 'Convolution'],
        ['pooling', 'Pooling'],
        ['epoch', 'Époque'],
        ['batch', 'Batch'],
        ['dropout', 'Dropout'],
        ['softmax', 'Softmax'],
        ['overfitting', 'Surapprentissage'],
      ].map(([id, term]) => textField(`glossary-${id}`, term as string, 2)),
    },
  ],
};

/** Deliverable 2: classical ML vs deep learning; each column's measurements come from the student's run of it. */
const COMPARISON_TABLE: TTemplate = {
  id: 'tableau-comparatif',
  title: 'Tableau comparatif Machine Learning / Deep Learning',
  intro:
    'Comparez les deux approches vues pendant l’atelier. Les cellules marquées « mesuré » viennent de vos deux entraînements ; rédigez les autres.',
  submittable: true,
  sections: [
    {
      id: 'run',
      title: 'Les modèles comparés',
      fields: [
        { kind: 'run', id: 'run', label: 'Votre entraînement de réseau de neurones' },
        {
          kind: 'run',
          id: 'classical-run',
          runKind: 'classical',
          label: 'Votre modèle classique (atelier « Boîte noire »)',
        },
      ],
    },
    {
      id: 'table',
      title: 'Le tableau',
      fields: [
        {
          kind: 'table',
          id: 'comparison',
          columns: [
            { id: 'ml', label: 'Machine Learning classique', run: 'classical-run' },
            { id: 'dl', label: 'Deep Learning', run: 'run' },
          ],
          rows: [
            { id: 'data-preparation', label: 'Préparation des données' },
            { id: 'feature-extraction', label: 'Extraction des caractéristiques' },
            { id: 'main-parameters', label: 'Paramètres principaux' },
            {
              id: 'training-time',
              label: "Temps d'entraînement",
              measured: { ml: 'trainingSeconds', dl: 'trainingSeconds' },
            },
            {
              id: 'overall-accuracy',
              label: 'Précision globale',
              measured: { ml: 'testAccuracy', dl: 'testAccuracy' },
            },
            {
              id: 'noisy-accuracy',
              label: 'Précision sur données bruitées',
              measured: { ml: 'noisyAccuracy', dl: 'noisyAccuracy' },
            },
            {
              id: 'frequent-errors',
              label: 'Erreurs fréquentes',
              measured: { ml: 'frequentMistakes', dl: 'frequentMistakes' },
            },
            { id: 'ease', label: 'Facilité de mise en œuvre' },
            { id: 'interpretability', label: 'Interprétabilité' },
            { id: 'needs', label: 'Besoins en données et en calcul' },
          ],
        },
      ],
    },
    {
      id: 'questions',
      title: 'Vos conclusions',
      fields: [
        textField('when-ml', 'Dans quels cas choisiriez-vous le Machine Learning classique ?'),
        textField('when-dl', 'Dans quels cas choisiriez-vous le Deep Learning ?'),
        textField('why-difference', 'Pourquoi le réseau de neurones réussit-il mieux sur les images ?', 4),
      ],
    },
  ],
};

/** Deliverable 3: labels to place on the network, then questions on how it learns. */
const ANNOTATED_SCHEMA: TTemplate = {
  id: 'schema-annote',
  title: "Schéma annoté d'un réseau de neurones",
  intro:
    'Placez chaque étiquette sur l’emplacement numéroté qui lui correspond (deux étiquettes sont des pièges), puis répondez aux questions.',
  submittable: true,
  sections: [
    {
      id: 'diagram',
      title: 'Le schéma',
      fields: [
        {
          kind: 'placement',
          id: 'network',
          label: 'Réseau de neurones à compléter',
          diagram: SCHEMA_DIAGRAM,
        },
      ],
    },
    {
      id: 'questions',
      title: 'Questions',
      fields: [
        textField('network-type', 'De quel type de réseau s’agit-il ?', 2),
        textField(
          'neuron-counts',
          'Pour reconnaître les chiffres MNIST, combien de neurones faut-il dans la couche d’entrée et dans la couche de sortie ? Et dans les couches cachées ?',
        ),
        textField(
          'hidden-activation',
          'Quelle fonction d’activation utilise-t-on dans les couches cachées ? Pourquoi ?',
          2,
        ),
        textField('output-activation', 'Et dans la couche de sortie ? Pourquoi ?', 2),
        textField('learning-steps', 'Décrivez avec vos mots les quatre étapes de l’apprentissage.', 5),
        textField(
          'paragraph',
          'En 5 à 7 lignes : comment le réseau traite-t-il l’information et comment apprend-il ?',
          7,
        ),
      ],
    },
  ],
};

/** Phase 3: the personal synthesis and the self-assessment grid. */
const SYNTHESIS: TTemplate = {
  id: 'synthese',
  title: 'Synthèse personnelle',
  intro: 'Prenez du recul sur la séance : soyez honnête, cette synthèse sert à préparer la suite.',
  submittable: true,
  sections: [
    {
      id: 'reflection',
      title: 'Votre bilan',
      fields: [
        textField('clear', 'Ce qui est clair pour vous', 4),
        textField('deepen', 'Ce que vous devez approfondir', 4),
        textField('surprised', 'Ce qui vous a surpris', 3),
        textField('apply', 'Comment pourriez-vous appliquer ces connaissances (stage, projet, métier) ?', 4),
      ],
    },
    {
      id: 'self-assessment',
      title: 'Auto-évaluation',
      fields: [
        {
          kind: 'grid',
          id: 'self-assessment',
          label: 'Situez-vous pour chaque compétence',
          skills: SELF_ASSESSMENT.map(({ id, label }) => ({ id, label })),
          levels: SELF_ASSESSMENT_LEVELS,
        },
      ],
    },
  ],
};

/** The template of every activity that has one, keyed by activity slug. */
export const TEMPLATES: Record<string, TTemplate> = Object.fromEntries(
  [DEMONSTRATIONS, GUIDED_CHALLENGE, OBSERVATION_SHEET, COMPARISON_TABLE, ANNOTATED_SCHEMA, SYNTHESIS].map(
    (template) => [template.id, ZTemplate.parse(template)],
  ),
);
