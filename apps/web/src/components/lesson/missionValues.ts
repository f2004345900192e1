import type { TMission } from '@dlclass/content';
import type { TRunSize } from '@dlclass/contracts';

/**
 * The values a mission asks for, the reference's first: the reference is trained at the class's run size, so
 * the epochs' and the images' missions start from that size (a value it equals is not asked twice).
 */
export function missionValues(mission: TMission, runSize: TRunSize | null): TMission['values'] {
  const field = { 'training.epochs': 'epochs', 'training.trainSize': 'trainSize' } as const;
  const sized = field[mission.parameter as keyof typeof field];
  if (!runSize || !sized) return mission.values;
  const reference = runSize[sized];
  return [reference, ...mission.values.slice(1).filter((value) => value !== reference)];
}
