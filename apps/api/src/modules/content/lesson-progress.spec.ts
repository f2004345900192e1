import { SEANCE_1, templateFor, textFieldIds } from '@dlclass/content';
import type { TAnswers } from '@dlclass/contracts';
import { isAnswered, lessonProgress, type ProgressFacts } from './lesson-progress';

const nothing: ProgressFacts = {
  runs: { any: false, succeeded: false },
  deliverables: new Map(),
  quiz: { active: false, submitted: false },
};

const progress = (facts: Partial<ProgressFacts>) =>
  lessonProgress(SEANCE_1, { ...nothing, ...facts }, templateFor);

const allTextAnswered = (slug: string): TAnswers => {
  const template = templateFor(slug);
  if (!template) throw new Error(`no template ${slug}`);
  return Object.fromEntries(textFieldIds(template).map((id) => [id, 'Ma réponse']));
};

describe('lessonProgress', () => {
  it('lists every activity of the lesson, not started for a newcomer', () => {
    const result = progress({});
    const slugs = SEANCE_1.phases.flatMap((phase) => phase.activities.map((a) => a.slug));
    expect(Object.keys(result).sort()).toEqual([...slugs].sort());
    expect(new Set(Object.values(result))).toEqual(new Set(['not-started']));
  });

  it('marks Hello World in progress with a run, done with a succeeded one', () => {
    expect(progress({ runs: { any: true, succeeded: false } })['hello-world']).toBe('in-progress');
    expect(progress({ runs: { any: true, succeeded: true } })['hello-world']).toBe('done');
  });

  it('marks the QCM in progress during an attempt and done once one is submitted', () => {
    expect(progress({ quiz: { active: true, submitted: false } }).qcm).toBe('in-progress');
    expect(progress({ quiz: { active: true, submitted: true } }).qcm).toBe('done');
  });

  it('marks a deliverable in progress once an answer is saved and done only when submitted', () => {
    const blank = new Map([['fiche-observation', { submitted: false, answers: { learned: '   ' } }]]);
    expect(progress({ deliverables: blank })['fiche-observation']).toBe('not-started');
    const saved = new Map([
      ['fiche-observation', { submitted: false, answers: allTextAnswered('fiche-observation') }],
    ]);
    expect(progress({ deliverables: saved })['fiche-observation']).toBe('in-progress');
    const submitted = new Map([
      ['fiche-observation', { submitted: true, answers: { learned: 'Les époques' } }],
    ]);
    expect(progress({ deliverables: submitted })['fiche-observation']).toBe('done');
  });

  it('marks a worksheet that is not handed in done when every text field is answered', () => {
    const answers = allTextAnswered('demonstrations');
    const [first, ...rest] = Object.keys(answers);
    const partial = new Map([
      ['demonstrations', { submitted: false, answers: { [first as string]: 'Oui' } }],
    ]);
    expect(progress({ deliverables: partial }).demonstrations).toBe('in-progress');
    expect(rest.length).toBeGreaterThan(0);
    const complete = new Map([['demonstrations', { submitted: false, answers }]]);
    expect(progress({ deliverables: complete }).demonstrations).toBe('done');
  });
});

describe('isAnswered', () => {
  it('ignores blank text, empty lists and tables with only blank cells', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(' \n')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered({ 'a.b': ' ' })).toBe(false);
    expect(isAnswered('x')).toBe(true);
    expect(isAnswered(['00000000-0000-4000-8000-000000000001'])).toBe(true);
    expect(isAnswered({ 'a.b': 'x' })).toBe(true);
  });
});
