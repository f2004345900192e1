import { MISSIONS } from '@dlclass/content';
import { describe, expect, it } from '@jest/globals';
import { missionValues } from './missionValues';

const mission = (id: string) => {
  const found = MISSIONS.find((m) => m.id === id);
  if (!found) throw new Error(`no mission ${id}`);
  return found;
};

describe('missionValues', () => {
  it("starts the epochs' and the images' missions from the class's run size", () => {
    const size = { epochs: 3, trainSize: 20_000 };
    expect(missionValues(mission('epochs'), size)).toEqual([3, 1, 10]);
    expect(missionValues(mission('training-data'), size)).toEqual([20_000, 1_000, 10_000]);
    // a size equal to one of the values asked: not asked twice
    expect(missionValues(mission('training-data'), { epochs: 1, trainSize: 10_000 })).toEqual([
      10_000, 1_000,
    ]);
  });

  it('leaves the other missions, and every mission before the size is known, as written', () => {
    expect(missionValues(mission('batch-size'), { epochs: 3, trainSize: 20_000 })).toEqual(
      mission('batch-size').values,
    );
    expect(missionValues(mission('epochs'), null)).toEqual(mission('epochs').values);
  });
});
