import { ZLesson } from './schema';
import { SEANCE_1 } from './seance-1';

describe('lesson content', () => {
  it('describes the three phases of séance 1 (3 h of activities) with Hello World available', () => {
    expect(SEANCE_1.phases.map((phase) => phase.number)).toEqual([1, 2, 3]);
    expect(SEANCE_1.phases.reduce((total, phase) => total + phase.durationMinutes, 0)).toBe(180);
    const helloWorld = SEANCE_1.phases[0]?.activities.find((activity) => activity.slug === 'hello-world');
    expect(helloWorld?.available).toBe(true);
  });

  it('rejects a lesson whose activities share a slug, naming the duplicate', () => {
    const phase = SEANCE_1.phases[0];
    if (!phase) throw new Error('séance 1 has no phase');
    const result = ZLesson.safeParse({ ...SEANCE_1, phases: [phase, { ...phase, number: 2 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('« demonstrations » est déjà utilisé');
  });
});
