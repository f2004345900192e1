import { SEANCE_1, templateFor, textFieldIds } from '@dlclass/content';
import { BLANK_CHARACTERS, lessonProgress, type ProgressFacts } from './lesson-progress';

const nothing: ProgressFacts = {
  runs: { any: false, succeeded: false },
  deliverables: new Map(),
  quiz: { active: false, submitted: false },
};

const progress = (facts: Partial<ProgressFacts>) =>
  lessonProgress(SEANCE_1, { ...nothing, ...facts }, templateFor);

const allTextAnswered = (slug: string): Set<string> => {
  const template = templateFor(slug);
  if (!template) throw new Error(`no template ${slug}`);
  return new Set(textFieldIds(template));
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
    const blank = new Map([['fiche-observation', { submitted: false, answered: new Set<string>() }]]);
    expect(progress({ deliverables: blank })['fiche-observation']).toBe('not-started');
    const saved = new Map([
      ['fiche-observation', { submitted: false, answered: allTextAnswered('fiche-observation') }],
    ]);
    expect(progress({ deliverables: saved })['fiche-observation']).toBe('in-progress');
    const submitted = new Map([['fiche-observation', { submitted: true, answered: new Set(['learned']) }]]);
    expect(progress({ deliverables: submitted })['fiche-observation']).toBe('done');
  });

  it('marks a worksheet that is not handed in done when every text field is answered', () => {
    const answered = allTextAnswered('demonstrations');
    const [first, ...rest] = answered;
    const partial = new Map([['demonstrations', { submitted: false, answered: new Set([first as string]) }]]);
    expect(progress({ deliverables: partial }).demonstrations).toBe('in-progress');
    expect(rest.length).toBeGreaterThan(0);
    const complete = new Map([['demonstrations', { submitted: false, answered }]]);
    expect(progress({ deliverables: complete }).demonstrations).toBe('done');
  });
});

describe('BLANK_CHARACTERS', () => {
  it('are exactly the characters trim() removes, so the database and JavaScript agree on a blank answer', () => {
    const trimmed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (char.trim() === '') trimmed.push(char);
    }
    expect([...BLANK_CHARACTERS].sort()).toEqual(trimmed.sort());
  });
});
