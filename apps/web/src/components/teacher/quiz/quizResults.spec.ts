import { describe, expect, it } from '@jest/globals';
import { discriminationTone, facilityTone, mostChosenWrong } from './quizResults';

const option = (id: string, correct: boolean, chosen: number) => ({
  id,
  text: id,
  correct,
  chosen,
  share: chosen / 10,
});

describe('the QCM results’ reading aids', () => {
  it('marks a question very easy above 90 % and hard below 30 %', () => {
    expect([0.95, 0.9, 0.5, 0.3, 0.29].map(facilityTone)).toEqual(['easy', 'fine', 'fine', 'fine', 'hard']);
  });

  it('reads the discrimination as good from 0.3, poor below 0.1 (negative included)', () => {
    expect([0.6, 0.3, 0.2, 0.1, 0.05, -0.4].map(discriminationTone)).toEqual([
      'good',
      'good',
      'weak',
      'weak',
      'poor',
      'poor',
    ]);
  });

  it('picks the wrong options ticked most often, all of them on a tie, none when no wrong option was ticked', () => {
    const ids = (set: Set<string>) => [...set];
    expect(
      ids(mostChosenWrong([option('a', true, 9), option('b', false, 2), option('c', false, 3)])),
    ).toEqual(['c']);
    expect(
      ids(mostChosenWrong([option('a', true, 4), option('b', false, 3), option('c', false, 3)])),
    ).toEqual(['b', 'c']);
    expect(ids(mostChosenWrong([option('a', true, 10), option('b', false, 0)]))).toEqual([]);
  });
});
