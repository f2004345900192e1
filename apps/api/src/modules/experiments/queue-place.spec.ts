import { DEFAULT_RUN_MS, estimateWaitMs } from './queue-place';

describe('estimateWaitMs', () => {
  it('is place / worker slots × the mean run time', () => {
    expect(estimateWaitMs(1, 1, 30_000)).toBe(30_000);
    expect(estimateWaitMs(3, 1, 40_000)).toBe(120_000);
    expect(estimateWaitMs(3, 2, 40_000)).toBe(60_000);
    expect(estimateWaitMs(1, 4, 1_001)).toBe(250);
  });

  it('assumes the default run time when no run ended in the last hour', () => {
    expect(estimateWaitMs(2, 1, null)).toBe(2 * DEFAULT_RUN_MS);
  });

  it('gives no estimate when no worker is up', () => {
    expect(estimateWaitMs(1, 0, 30_000)).toBeNull();
  });
});
