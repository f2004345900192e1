import { SEANCE_1 } from '@dlclass/content';
import type { TStudentProgress } from '@dlclass/contracts';
import { describe, expect, it } from '@jest/globals';
import { enLive } from '../../../i18n/en-live';
import { frLive } from '../../../i18n/fr-live';
import { doneCount, gridPhases, headingOf, statusOf } from './progressGrid';

const student = (activities: TStudentProgress['activities']): TStudentProgress => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Alice',
  online: false,
  lastActivityAt: null,
  activities,
});

describe('the live progress grid', () => {
  it('has one column per activity of the lesson, in order, under its phase', () => {
    const phases = gridPhases(SEANCE_1);
    expect(phases.map((p) => p.number)).toEqual(SEANCE_1.phases.map((p) => p.number));
    expect(phases.flatMap((p) => p.activities.map((a) => a.slug))).toEqual(
      SEANCE_1.phases.flatMap((p) => p.activities.map((a) => a.slug)),
    );
  });

  it('has a short heading for every activity, in both languages', () => {
    const slugs = SEANCE_1.phases.flatMap((p) => p.activities.map((a) => a.slug)).sort();
    expect(Object.keys(frLive.activities).sort()).toEqual(slugs);
    expect(Object.keys(enLive.activities).sort()).toEqual(slugs);
    for (const slug of slugs) expect(headingOf(slug)).toBe(`live.activities.${slug}`);
    // an activity added to the lesson without a heading shows its title, never a raw key
    expect(headingOf('nouvelle-activite')).toBeNull();
    expect(headingOf('constructor')).toBeNull();
  });

  it('counts the students who are done, an unlisted activity as not started', () => {
    const students = [
      student({ qcm: 'done', synthese: 'in-progress' }),
      student({ qcm: 'done' }),
      student({ qcm: 'in-progress' }),
    ];
    expect(doneCount(students, 'qcm')).toBe(2);
    expect(doneCount(students, 'synthese')).toBe(0);
    expect(statusOf(students[1] as TStudentProgress, 'synthese')).toBe('not-started');
  });
});
