import { WORKSHEET_ACTIVITY, ZRubricCriteria } from '@dlclass/contracts';
import { competencesOf, DEFAULT_RUBRICS, GRADED_KINDS } from './rubrics';

describe('default rubrics', () => {
  it('grade exactly the deliverables students hand in', () => {
    expect(GRADED_KINDS).toEqual(['observation-sheet', 'comparison-table', 'annotated-schema', 'synthesis']);
    expect(Object.keys(DEFAULT_RUBRICS).sort()).toEqual([...GRADED_KINDS].sort());
  });

  it.each(GRADED_KINDS)('%s: a valid rubric whose competences the activity assesses', (kind) => {
    const criteria = DEFAULT_RUBRICS[kind];
    expect(ZRubricCriteria.safeParse(criteria).error).toBeUndefined();
    const assessed = competencesOf(WORKSHEET_ACTIVITY[kind]);
    for (const { competence } of criteria ?? []) {
      if (competence) expect(assessed).toContain(competence);
    }
  });

  it('the four graded deliverables together assess every competence of the lesson', () => {
    const assessed = new Set(GRADED_KINDS.flatMap((kind) => competencesOf(WORKSHEET_ACTIVITY[kind])));
    expect([...assessed].sort()).toEqual(['B1.3', 'B2.2', 'B2.3', 'B3.2']);
    expect(competencesOf('not-an-activity')).toEqual([]);
  });
});
