import type { TAnswerValue } from '@dlclass/contracts';

/** A record answer (table, experiment, placement, grid) read defensively: anything else reads as empty. */
export function asRecord(value: TAnswerValue | undefined): Record<string, string> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** A list answer (run, runs) read defensively. */
export function asList(value: TAnswerValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}
