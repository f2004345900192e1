import { experimentAudience, rooms, ZSubscribeExperiment } from './index';

describe('realtime contracts', () => {
  it("a run's lifecycle reaches its owner, its followers and, for a student's run, the class's teachers", () => {
    const run = { id: 'e1', userId: 'u1', classId: 'c1' };
    expect(experimentAudience(run)).toEqual(['user:u1', 'experiment:e1', 'class:c1:teacher']);
    expect(experimentAudience({ ...run, classId: null })).toEqual(['user:u1', 'experiment:e1']);
    expect(rooms.session('s1')).toBe('session:s1');
  });

  it('room joins take a uuid and nothing else', () => {
    expect(
      ZSubscribeExperiment.safeParse({ experimentId: '6f1c1b9e-3c1a-4c55-9a51-3f0d1c2b7a10' }).success,
    ).toBe(true);
    expect(ZSubscribeExperiment.safeParse({ experimentId: 'x' }).success).toBe(false);
    expect(
      ZSubscribeExperiment.safeParse({ experimentId: '6f1c1b9e-3c1a-4c55-9a51-3f0d1c2b7a10', room: 'admin' })
        .success,
    ).toBe(false);
  });
});
