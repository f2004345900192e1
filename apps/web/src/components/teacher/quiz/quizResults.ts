import type { TQuizOptionAnalysis } from '@dlclass/contracts';

/** Above this facility a question is very easy; below the other, hard (the usual item-analysis bands). */
export const FACILITY_EASY = 0.9;
export const FACILITY_HARD = 0.3;
/** Discrimination from which a question separates the students well, and under which it does not. */
export const DISCRIMINATION_GOOD = 0.3;
export const DISCRIMINATION_POOR = 0.1;

export type FacilityTone = 'easy' | 'hard' | 'fine';
export type DiscriminationTone = 'good' | 'weak' | 'poor';

export function facilityTone(facility: number): FacilityTone {
  if (facility > FACILITY_EASY) return 'easy';
  if (facility < FACILITY_HARD) return 'hard';
  return 'fine';
}

export function discriminationTone(discrimination: number): DiscriminationTone {
  if (discrimination >= DISCRIMINATION_GOOD) return 'good';
  if (discrimination < DISCRIMINATION_POOR) return 'poor';
  return 'weak';
}

/** The wrong options ticked most often (all of them on a tie); none when no wrong option was ticked. */
export function mostChosenWrong(options: readonly TQuizOptionAnalysis[]): Set<string> {
  const wrong = options.filter((option) => !option.correct && option.chosen > 0);
  const top = Math.max(0, ...wrong.map((option) => option.chosen));
  return new Set(wrong.filter((option) => option.chosen === top).map((option) => option.id));
}
