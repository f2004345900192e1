import { SCHEMA_DIAGRAM } from './diagram';
import { GLOSSARY } from './glossary';
import { QUIZ_BANK } from './quiz-bank';
import {
  type TQuizQuestionContent,
  type TTemplate,
  ZDiagram,
  ZGlossary,
  ZLesson,
  ZQuizBank,
  ZQuizQuestionContent,
  ZTemplate,
} from './schema';
import { SEANCE_1 } from './seance-1';
import { TEMPLATES } from './templates';

/** The messages of a failed parse (the test fails if it parsed). */
function problems(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

const sheet = TEMPLATES['fiche-observation'] as TTemplate;
const firstQuestion = QUIZ_BANK[0] as TQuizQuestionContent;

describe('lesson schema', () => {
  it('rejects a lesson whose activities share a slug, naming the duplicate', () => {
    const phase = SEANCE_1.phases[0];
    if (!phase) throw new Error('séance 1 has no phase');
    const messages = problems(ZLesson.safeParse({ ...SEANCE_1, phases: [phase, { ...phase, number: 2 }] }));
    expect(messages[0]).toContain('« demonstrations » est déjà utilisé');
  });
});

describe('template schema', () => {
  it('rejects a duplicate field id across sections', () => {
    const [first, second, ...rest] = sheet.sections;
    if (!first || !second) throw new Error('the observation sheet has fewer than two sections');
    const broken = {
      ...sheet,
      sections: [first, { ...second, fields: [...second.fields, first.fields[0]] }, ...rest],
    };
    expect(problems(ZTemplate.safeParse(broken))).toContain('Le champ « run » est déjà utilisé');
  });

  it('rejects a table whose measured cell names an unknown column', () => {
    const table = TEMPLATES['tableau-comparatif'] as TTemplate;
    const broken = {
      ...table,
      sections: table.sections.map((section) => ({
        ...section,
        fields: section.fields.map((field) =>
          field.kind === 'table'
            ? {
                ...field,
                rows: [...field.rows, { id: 'extra', label: 'En plus', measured: { svm: 'testAccuracy' } }],
              }
            : field,
        ),
      })),
    };
    expect(problems(ZTemplate.safeParse(broken))).toContain(
      'Colonne inconnue « svm » dans la ligne « extra »',
    );
  });

  it('rejects measured fields in a template without a run field', () => {
    const broken = {
      ...sheet,
      sections: sheet.sections.map((section) => ({
        ...section,
        fields: section.fields.filter((field) => field.kind !== 'run'),
      })),
    };
    expect(problems(ZTemplate.safeParse(broken))).toContain(
      'Le champ mesuré « backend » demande un champ « run » dans le modèle',
    );
  });

  it('rejects an identifier that cannot be an answer key', () => {
    const broken = {
      ...sheet,
      sections: [{ id: 'x', title: 'X', fields: [{ kind: 'text', id: 'Bad.Id', prompt: 'p', rows: 2 }] }],
    };
    expect(problems(ZTemplate.safeParse(broken))).toContain(
      'Identifiant invalide (minuscules, chiffres et tirets)',
    );
  });
});

describe('diagram schema', () => {
  it('rejects a label aimed at an unknown slot', () => {
    const broken = {
      ...SCHEMA_DIAGRAM,
      labels: [...SCHEMA_DIAGRAM.labels, { id: 'label-z', text: 'Z', slot: 'nowhere' }],
    };
    expect(problems(ZDiagram.safeParse(broken))).toContain(
      "L'étiquette « label-z » vise un emplacement inconnu « nowhere »",
    );
  });

  it('rejects a slot no label belongs to, a duplicate label and an edge to an unknown node', () => {
    const broken = {
      ...SCHEMA_DIAGRAM,
      slots: [...SCHEMA_DIAGRAM.slots, { id: 'orphan', number: 99, x: 10, y: 10 }],
      labels: [...SCHEMA_DIAGRAM.labels, { ...(SCHEMA_DIAGRAM.labels[0] as { id: string }), slot: null }],
      edges: [...SCHEMA_DIAGRAM.edges, ['n0-0', 'ghost']],
    };
    expect(problems(ZDiagram.safeParse(broken))).toEqual(
      expect.arrayContaining([
        "Aucune étiquette ne correspond à l'emplacement « orphan »",
        "L'étiquette « label-a » est déjà utilisée",
        'Nœud inconnu « ghost »',
      ]),
    );
  });
});

describe('QCM schema', () => {
  it('rejects an option without an explanation', () => {
    const [option, ...others] = firstQuestion.options;
    const broken = { ...firstQuestion, options: [{ ...option, explanation: '  ' }, ...others] };
    expect(ZQuizQuestionContent.safeParse(broken).success).toBe(false);
    const { explanation: _, ...withoutKey } = option as TQuizQuestionContent['options'][number];
    expect(
      ZQuizQuestionContent.safeParse({ ...firstQuestion, options: [withoutKey, ...others] }).success,
    ).toBe(false);
  });

  it('rejects a single-answer question with two right options', () => {
    const broken = {
      ...firstQuestion,
      options: firstQuestion.options.map((option) => ({ ...option, correct: true })).slice(0, 2),
    };
    expect(problems(ZQuizQuestionContent.safeParse(broken))).toContain(
      `La question à réponse unique « ${firstQuestion.id} » doit avoir exactement une bonne réponse (2)`,
    );
  });

  it('rejects a multiple-answer question whose options are all right', () => {
    const broken = {
      ...firstQuestion,
      multiple: true,
      options: firstQuestion.options.map((o) => ({ ...o, correct: true })),
    };
    expect(problems(ZQuizQuestionContent.safeParse(broken))[0]).toContain(
      'au moins une bonne et une mauvaise',
    );
  });

  it('rejects duplicate option and question ids', () => {
    const sameOption = {
      ...firstQuestion,
      options: [...firstQuestion.options, { ...firstQuestion.options[1] }],
    };
    expect(problems(ZQuizQuestionContent.safeParse(sameOption))).toContain(
      "L'option « b » est déjà utilisée",
    );
    expect(problems(ZQuizBank.safeParse([firstQuestion, firstQuestion]))).toContain(
      `La question « ${firstQuestion.id} » est déjà utilisée`,
    );
  });
});

describe('glossary schema', () => {
  it('rejects a duplicate term id and a word that would link to two terms', () => {
    const [first, second] = GLOSSARY;
    if (!first || !second) throw new Error('the glossary has fewer than two terms');
    expect(problems(ZGlossary.safeParse([first, first]))).toContain(
      `Le terme « ${first.id} » est déjà utilisé`,
    );
    const stealing = { ...second, aliases: [...second.aliases, first.term.toUpperCase()] };
    expect(problems(ZGlossary.safeParse([first, stealing]))).toContain(
      `« ${first.term.toUpperCase()} » désigne déjà le terme « ${first.id} »`,
    );
  });
});
