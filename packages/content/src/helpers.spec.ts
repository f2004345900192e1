import {
  checkPlacements,
  drawQuiz,
  findGlossaryTerms,
  publicQuestion,
  scoreQuestion,
  seededShuffle,
  templateFields,
  templateFor,
  textFieldIds,
  validateAnswers,
  withoutMeasuredCells,
} from './helpers';
import { QUIZ_BANK } from './quiz-bank';
import type { TGlossaryTerm, TPlacementField, TQuizQuestionContent } from './schema';

const RUN = '0b7f3c1e-3f4a-4c5e-9d2a-1a2b3c4d5e6f';
const OTHER_RUN = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

const sheet = required(templateFor('fiche-observation'), 'observation sheet');
const table = required(templateFor('tableau-comparatif'), 'comparison table');
const schema = required(templateFor('schema-annote'), 'annotated schema');
const synthesis = required(templateFor('synthese'), 'synthesis');
const placement = templateFields(schema).find((field) => field.kind === 'placement') as TPlacementField;
const answerKey = Object.fromEntries(
  placement.diagram.labels.flatMap((label) => (label.slot ? [[label.slot, label.id]] : [])),
);

describe('templateFor and textFieldIds', () => {
  it('finds a template by activity slug, null otherwise', () => {
    expect(templateFor('fiche-observation')?.id).toBe('fiche-observation');
    expect(templateFor('hello-world')).toBeNull();
    expect(templateFor('toString')).toBeNull();
  });

  it('lists the text fields only', () => {
    const ids = textFieldIds(synthesis);
    expect(ids).toEqual(['clear', 'deepen', 'surprised', 'apply']);
    expect(textFieldIds(sheet)).not.toContain('backend');
  });
});

describe('validateAnswers', () => {
  it('accepts a partial draft of every field kind', () => {
    expect(
      validateAnswers(sheet, {
        run: [RUN],
        'why-normalise': 'Pour que les valeurs restent petites',
        'experiment-1': { before: RUN, after: OTHER_RUN, observation: 'Meilleur' },
        'experiment-2': { observation: 'pas encore choisi' },
      }),
    ).toEqual([]);
    expect(
      validateAnswers(table, { run: [], comparison: { 'ease.ml': 'Simple', 'ease.dl': 'Moyenne' } }),
    ).toEqual([]);
    expect(validateAnswers(schema, { network: { loss: answerKey.loss as string } })).toEqual([]);
    expect(validateAnswers(synthesis, { 'self-assessment': { datasets: 'avance' } })).toEqual([]);
    expect(
      validateAnswers(required(templateFor('defi-experimentation'), 'challenge'), {
        'epochs-runs': [RUN, OTHER_RUN],
      }),
    ).toEqual([]);
  });

  it('rejects unknown field ids and answers to measured fields', () => {
    expect(validateAnswers(sheet, { inconnu: 'x', backend: 'webgl' })).toEqual([
      { field: 'answers.inconnu', message: 'Champ inconnu « inconnu »' },
      {
        field: 'answers.backend',
        message: 'Cette valeur est mesurée par la plateforme : elle ne se saisit pas',
      },
    ]);
  });

  it('rejects answers of the wrong form', () => {
    const fields = validateAnswers(sheet, {
      learned: ['pas', 'un', 'texte'],
      run: [RUN, OTHER_RUN],
      'experiment-1': 'texte',
    }).map((error) => error.field);
    expect(fields).toEqual(['answers.learned', 'answers.run', 'answers.experiment-1']);
    expect(validateAnswers(sheet, { run: ['pas-un-uuid'] })).toEqual([
      { field: 'answers.run', message: "« pas-un-uuid » n'est pas une expérience" },
    ]);
    expect(
      validateAnswers(sheet, { 'experiment-1': { before: 'x', partie: 'y' } }).map((e) => e.field),
    ).toEqual(['answers.experiment-1.before', 'answers.experiment-1.partie']);
    expect(validateAnswers(synthesis, { clear: { a: 'b' } }).map((e) => e.field)).toEqual(['answers.clear']);
    expect(
      validateAnswers(required(templateFor('defi-experimentation'), 'challenge'), {
        'epochs-runs': [RUN, RUN],
      }),
    ).toEqual([{ field: 'answers.epochs-runs', message: 'Une expérience est citée deux fois' }]);
  });

  it('rejects unknown or measured table cells', () => {
    expect(
      validateAnswers(table, {
        comparison: { 'training-time.dl': '3 s', 'nowhere.ml': 'x', 'ease.svm': 'y' },
      }).map((error) => error.field),
    ).toEqual([
      'answers.comparison.training-time.dl',
      'answers.comparison.nowhere.ml',
      'answers.comparison.ease.svm',
    ]);
  });

  it('drops the cells a table now measures from an older draft, and keeps every other answer', () => {
    const draft = {
      run: [RUN],
      comparison: { 'training-time.ml': '3 s', 'noisy-accuracy.dl': 'bof', 'ease.ml': 'Simple' },
    };
    const cleaned = withoutMeasuredCells(table, draft);
    expect(cleaned).toEqual({ run: [RUN], comparison: { 'ease.ml': 'Simple' } });
    expect(validateAnswers(table, cleaned)).toEqual([]);
    expect(draft.comparison['training-time.ml']).toBe('3 s'); // the caller's object is left as it was
  });

  it('rejects unknown slots and labels, and a label placed twice', () => {
    const [first, second] = placement.diagram.slots;
    const label = answerKey[first?.id as string] as string;
    expect(
      validateAnswers(schema, {
        network: {
          [first?.id as string]: label,
          [second?.id as string]: label,
          ailleurs: label,
          loss: 'label-zz',
        },
      }),
    ).toEqual([
      {
        field: `answers.network.${second?.id}`,
        message: `L’étiquette « ${label} » est déjà placée ailleurs`,
      },
      { field: 'answers.network.ailleurs', message: 'Emplacement inconnu « ailleurs »' },
      { field: 'answers.network.loss', message: 'Étiquette inconnue « label-zz »' },
    ]);
  });

  it('rejects unknown skills and levels', () => {
    expect(
      validateAnswers(synthesis, { 'self-assessment': { datasets: 'expert', cuisine: 'avance' } }),
    ).toEqual([
      { field: 'answers.self-assessment.datasets', message: 'Niveau inconnu « expert »' },
      { field: 'answers.self-assessment.cuisine', message: 'Compétence inconnue « cuisine »' },
    ]);
  });
});

describe('checkPlacements', () => {
  it('scores every slot against the key, empty slots counting in the total only', () => {
    expect(checkPlacements(placement, answerKey)).toEqual({
      correct: placement.diagram.slots.length,
      total: placement.diagram.slots.length,
      slots: Object.fromEntries(placement.diagram.slots.map((slot) => [slot.id, true])),
    });
    const distractor = required(
      placement.diagram.labels.find((label) => label.slot === null),
      'distractor',
    );
    expect(
      checkPlacements(placement, { loss: distractor.id, prediction: answerKey.prediction as string }),
    ).toEqual({
      correct: 1,
      total: placement.diagram.slots.length,
      slots: { loss: false, prediction: true },
    });
    // Two labels swapped: both wrong.
    expect(
      checkPlacements(placement, {
        loss: answerKey.prediction as string,
        prediction: answerKey.loss as string,
      }).slots,
    ).toEqual({ loss: false, prediction: false });
  });
});

describe('scoreQuestion', () => {
  const single = required(
    QUIZ_BANK.find((question) => !question.multiple),
    'single-answer question',
  );
  const multiple: TQuizQuestionContent = {
    id: 'q',
    prompt: 'Lesquelles ?',
    multiple: true,
    topic: 't',
    competences: ['B3.2'],
    options: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      text: id,
      correct: id === 'a' || id === 'b',
      explanation: id,
    })),
  };
  const right = (question: TQuizQuestionContent) =>
    question.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = (question: TQuizQuestionContent) =>
    question.options.filter((o) => !o.correct).map((o) => o.id);

  it('gives a single-answer question 1 only for exactly the right option', () => {
    expect(scoreQuestion(single, right(single))).toBe(1);
    expect(scoreQuestion(single, [...right(single), wrong(single)[0] as string])).toBe(0);
    expect(scoreQuestion(single, wrong(single).slice(0, 1))).toBe(0);
    expect(scoreQuestion(single, [])).toBe(0);
  });

  it('gives partial credit on multiple answers and nothing for ticking everything', () => {
    expect(scoreQuestion(multiple, ['a', 'b'])).toBe(1);
    expect(scoreQuestion(multiple, ['a'])).toBe(0.5);
    expect(scoreQuestion(multiple, ['a', 'b', 'c'])).toBe(0.5);
    expect(scoreQuestion(multiple, ['a', 'c'])).toBe(0);
    expect(scoreQuestion(multiple, ['a', 'b', 'c', 'd'])).toBe(0);
    expect(scoreQuestion(multiple, [])).toBe(0);
    for (const question of QUIZ_BANK) {
      expect(
        scoreQuestion(
          question,
          question.options.map((option) => option.id),
        ),
      ).toBe(0);
      expect(scoreQuestion(question, right(question))).toBe(1);
    }
  });
});

describe('seededShuffle and drawQuiz', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it('shuffles deterministically into a permutation, without touching the input', () => {
    const once = seededShuffle(items, 42);
    expect(seededShuffle(items, 42)).toEqual(once);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(seededShuffle(items, 43)).not.toEqual(once);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('draws the asked number of distinct questions, the same for the same seed, options shuffled', () => {
    const draw = drawQuiz(QUIZ_BANK, 15, 7);
    expect(draw).toHaveLength(15);
    expect(new Set(draw.map((question) => question.id)).size).toBe(15);
    expect(drawQuiz(QUIZ_BANK, 15, 7)).toEqual(draw);
    expect(drawQuiz(QUIZ_BANK, 15, 8).map((q) => q.id)).not.toEqual(draw.map((q) => q.id));
    expect(drawQuiz(QUIZ_BANK, 500, 7)).toHaveLength(QUIZ_BANK.length);
    for (const question of draw) {
      const original = required(
        QUIZ_BANK.find((q) => q.id === question.id),
        question.id,
      );
      expect([...question.options].sort((a, b) => a.id.localeCompare(b.id))).toEqual(original.options);
    }
    // Across a draw, some question must have its options in another order than the bank's.
    expect(
      draw.some(
        (question) =>
          question.options.map((o) => o.id).join() !==
          [...question.options]
            .map((o) => o.id)
            .sort()
            .join(),
      ),
    ).toBe(true);
  });

  it('leaves out the key in the public question', () => {
    const shown = publicQuestion(QUIZ_BANK[0] as TQuizQuestionContent);
    expect(JSON.stringify(shown)).not.toMatch(/correct|explanation/);
    expect(shown.options).toHaveLength((QUIZ_BANK[0] as TQuizQuestionContent).options.length);
  });
});

describe('findGlossaryTerms', () => {
  const glossary: TGlossaryTerm[] = [
    { id: 'epoch', term: 'époque', aliases: ['époques', 'epoch'], definition: 'd' },
    { id: 'network', term: 'réseau', aliases: [], definition: 'd' },
    { id: 'cnn', term: 'réseau convolutif', aliases: [], definition: 'd' },
    { id: 'rate', term: 'taux d’apprentissage', aliases: [], definition: 'd' },
  ];

  it('links terms and aliases regardless of case and accents, keeping the original text', () => {
    expect(findGlossaryTerms('Époques : 5 ; une EPOCH de plus.', glossary)).toEqual([
      { text: 'Époques', termId: 'epoch' },
      { text: ' : 5 ; une ', termId: null },
      { text: 'EPOCH', termId: 'epoch' },
      { text: ' de plus.', termId: null },
    ]);
  });

  it('prefers the longest form and matches whole words only', () => {
    expect(findGlossaryTerms('Un réseau convolutif, des réseaux, l’époque', glossary)).toEqual([
      { text: 'Un ', termId: null },
      { text: 'réseau convolutif', termId: 'cnn' },
      { text: ', des réseaux, l’', termId: null },
      { text: 'époque', termId: 'epoch' },
    ]);
    expect(findGlossaryTerms('epochal préépoque', glossary)).toEqual([
      { text: 'epochal préépoque', termId: null },
    ]);
  });

  it('treats straight and curly apostrophes alike, and links the real glossary by default', () => {
    expect(findGlossaryTerms("le taux d'apprentissage", glossary)).toEqual([
      { text: 'le ', termId: null },
      { text: "taux d'apprentissage", termId: 'rate' },
    ]);
    expect(findGlossaryTerms('Le surapprentissage guette.').map((segment) => segment.termId)).toEqual([
      null,
      'overfitting',
      null,
    ]);
    expect(findGlossaryTerms('')).toEqual([]);
  });
});
