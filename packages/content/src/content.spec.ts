import { REFERENCE_EXPERIMENT } from '@dlclass/contracts';
import { DEMOS } from './demos';
import { SCHEMA_DIAGRAM } from './diagram';
import { GLOSSARY } from './glossary';
import { templateFields, textFieldIds } from './helpers';
import { MISSIONS } from './missions';
import { QUIZ_BANK } from './quiz-bank';
import { ZDiagram, ZGlossary, ZLesson, ZQuizBank, ZTemplate } from './schema';
import { SEANCE_1 } from './seance-1';
import { SELF_ASSESSMENT } from './self-assessment';
import { TEMPLATES } from './templates';

const activities = SEANCE_1.phases.flatMap((phase) => phase.activities);
const template = (slug: string) => {
  const found = TEMPLATES[slug];
  if (!found) throw new Error(`no template for ${slug}`);
  return found;
};

describe('séance 1 content', () => {
  it('parses: lesson, templates, diagram, QCM bank and glossary', () => {
    expect(ZLesson.safeParse(SEANCE_1).success).toBe(true);
    for (const each of Object.values(TEMPLATES)) expect(ZTemplate.safeParse(each).error).toBeUndefined();
    expect(ZDiagram.safeParse(SCHEMA_DIAGRAM).success).toBe(true);
    expect(ZQuizBank.safeParse(QUIZ_BANK).success).toBe(true);
    expect(ZGlossary.safeParse(GLOSSARY).success).toBe(true);
  });

  it('has the phases, pages and durations of the séance (3 h of activities)', () => {
    expect(SEANCE_1.phases.map((phase) => [phase.number, phase.durationMinutes])).toEqual([
      [1, 60],
      [2, 90],
      [3, 30],
    ]);
    for (const phase of SEANCE_1.phases) {
      expect(phase.activities.reduce((total, activity) => total + activity.durationMinutes, 0)).toBe(
        phase.durationMinutes,
      );
    }
    expect(SEANCE_1.phases.map((phase) => phase.activities.map((activity) => activity.slug))).toEqual([
      ['demonstrations', 'hello-world', 'defi-experimentation', 'fiche-observation'],
      ['boite-noire', 'generalisation', 'anatomie', 'tableau-comparatif', 'schema-annote'],
      ['qcm', 'synthese'],
    ]);
    // every activity of the lesson is built and open
    expect(activities.filter((activity) => !activity.available)).toEqual([]);
    expect(activities.filter((activity) => activity.kind === 'workshop').map((a) => a.slug)).toEqual([
      'boite-noire',
      'generalisation',
      'anatomie',
    ]);
    expect(
      Object.fromEntries(activities.filter((a) => a.deliverable).map((a) => [a.slug, a.deliverable])),
    ).toEqual({
      'fiche-observation': 1,
      'tableau-comparatif': 2,
      'schema-annote': 3,
    });
  });

  it('has a template for every worksheet page, the graded ones submittable', () => {
    const withTemplates = activities.filter((activity) => activity.slug in TEMPLATES).map((a) => a.slug);
    expect(withTemplates.sort()).toEqual(Object.keys(TEMPLATES).sort());
    for (const activity of activities.filter((a) => a.kind === 'worksheet')) {
      expect(TEMPLATES[activity.slug]).toBeDefined();
    }
    expect(Object.fromEntries(Object.values(TEMPLATES).map((each) => [each.id, each.submittable]))).toEqual({
      demonstrations: false,
      'defi-experimentation': false,
      'fiche-observation': true,
      'tableau-comparatif': true,
      'schema-annote': true,
      synthese: true,
    });
  });

  it('ties each demo reflection question to a text field of the demonstrations page', () => {
    expect(DEMOS.map((demo) => demo.id)).toEqual(['code-completion', 'digit-recognition', 'text-generation']);
    expect(textFieldIds(template('demonstrations'))).toEqual(
      DEMOS.flatMap((demo) => demo.questions.map((question) => question.id)),
    );
  });

  it('gives every mission a section with its runs and its answer, on a real parameter of the reference model', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(8);
    const challenge = template('defi-experimentation');
    expect(
      challenge.sections.map((section) => section.fields.map((field) => `${field.kind}:${field.id}`)),
    ).toEqual(MISSIONS.map((mission) => [`runs:${mission.id}-runs`, `text:${mission.id}-answer`]));
    for (const mission of MISSIONS) {
      const value = mission.parameter
        .split('.')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          REFERENCE_EXPERIMENT,
        );
      expect({ mission: mission.id, found: value !== undefined }).toEqual({
        mission: mission.id,
        found: true,
      });
      // Scalar parameters start from the reference model's value.
      if (typeof value !== 'object') expect(mission.values[0]).toBe(value);
    }
  });

  it('measures, on the observation sheet, the facts of the Hello World run', () => {
    const sheet = template('fiche-observation');
    expect(sheet.sections.map((section) => section.id)).toEqual([
      'environment',
      'data',
      'model',
      'training',
      'evaluation',
      'drawing',
      'experiments',
      'conclusion',
      'personal-glossary',
    ]);
    const fields = templateFields(sheet);
    expect(fields[0]).toMatchObject({ kind: 'run', id: 'run' });
    expect(fields.flatMap((field) => (field.kind === 'measured' ? [field.fact] : []))).toEqual([
      'backend',
      'device',
      'trainImages',
      'validationImages',
      'testImages',
      'imageSize',
      'layerCount',
      'parameterCount',
      'epochs',
      'trainAccuracy',
      'validationAccuracy',
      'testAccuracy',
      'correctSamples',
      'drawings',
    ]);
    expect(fields.filter((field) => field.kind === 'experiment').map((field) => field.id)).toEqual([
      'experiment-1',
      'experiment-2',
    ]);
  });

  it('compares ML and DL, each column measured on its own run', () => {
    const fields = templateFields(template('tableau-comparatif'));
    expect(fields.filter((field) => field.kind === 'run').map((field) => [field.id, field.runKind])).toEqual([
      ['run', undefined],
      ['classical-run', 'classical'],
    ]);
    const table = fields.find((field) => field.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.columns.map((column) => [column.id, column.run])).toEqual([
      ['ml', 'classical-run'],
      ['dl', 'run'],
    ]);
    expect(table.rows).toHaveLength(10);
    const both = (fact: string) => ({ ml: fact, dl: fact });
    expect(table.rows.filter((row) => row.measured).map((row) => [row.id, row.measured])).toEqual([
      ['training-time', both('trainingSeconds')],
      ['overall-accuracy', both('testAccuracy')],
      ['noisy-accuracy', both('noisyAccuracy')],
      ['frequent-errors', both('frequentMistakes')],
    ]);
  });

  it('draws the schema with at least ten numbered slots, one label each and two distractors', () => {
    expect(SCHEMA_DIAGRAM.slots.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SCHEMA_DIAGRAM.nodes.map((node) => node.layer))).toEqual(new Set([0, 1, 2, 3]));
    for (const slot of SCHEMA_DIAGRAM.slots) {
      expect(SCHEMA_DIAGRAM.labels.filter((label) => label.slot === slot.id)).toHaveLength(1);
    }
    expect(SCHEMA_DIAGRAM.labels.filter((label) => label.slot === null)).toHaveLength(2);
    // The labels reach the browser: their ids must not give the answer away.
    for (const label of SCHEMA_DIAGRAM.labels)
      expect(SCHEMA_DIAGRAM.slots.map((s) => s.id)).not.toContain(label.id);
  });

  it('grades the self-assessment on at least six skills tied to every competence, at three levels', () => {
    const grid = templateFields(template('synthese')).find((field) => field.kind === 'grid');
    if (grid?.kind !== 'grid') throw new Error('no grid');
    expect(grid.skills.length).toBeGreaterThanOrEqual(6);
    expect(new Set(SELF_ASSESSMENT.map((skill) => skill.competence))).toEqual(
      new Set(['B1.3', 'B2.2', 'B2.3', 'B3.2']),
    );
    expect(grid.levels).toEqual([
      { id: 'debutant', label: 'Débutant' },
      { id: 'intermediaire', label: 'Intermédiaire' },
      { id: 'avance', label: 'Avancé' },
    ]);
  });

  it('has a QCM bank of at least 28 questions, 3 to 5 options each, with real multiple-answer questions', () => {
    expect(QUIZ_BANK.length).toBeGreaterThanOrEqual(28);
    for (const question of QUIZ_BANK) {
      expect(question.options.length).toBeGreaterThanOrEqual(3);
      expect(question.options.length).toBeLessThanOrEqual(5);
    }
    const multiple = QUIZ_BANK.filter(
      (question) =>
        question.multiple &&
        question.options.filter((option) => option.correct).length >= 2 &&
        question.options.some((option) => !option.correct),
    );
    expect(multiple.length).toBeGreaterThanOrEqual(8);
    // COURSE.md's list of fundamentals.
    const topics = new Set(QUIZ_BANK.map((question) => question.topic));
    for (const topic of [
      'dl-vs-ml',
      'neuron-components',
      'forward-propagation',
      'epoch',
      'activation-functions',
      'cnn',
      'overfitting',
      'learning-rate',
      'applications',
      'architecture',
      'generalisation',
      'bias',
      'deep',
      'images',
      'batch',
      'softmax',
      'pooling',
      'dropout',
      'validation-set',
      'loss',
    ]) {
      expect(topics).toContain(topic);
    }
  });

  it('has a glossary of at least 32 terms with aliases', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(32);
    expect(GLOSSARY.filter((term) => term.aliases.length > 0).length).toBeGreaterThanOrEqual(30);
  });
});
