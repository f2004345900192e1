import { DEFAULT_RUN_MS, estimateWaitMs, trainingSlots } from './queue-place';

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

describe('trainingSlots', () => {
  it("is the workers' slots, capped by the global concurrency, and none while the queue is paused", () => {
    expect(trainingSlots(4, null, false)).toBe(4);
    expect(trainingSlots(4, 2, false)).toBe(2);
    expect(trainingSlots(1, 3, false)).toBe(1);
    expect(trainingSlots(4, null, true)).toBe(0);
    expect(estimateWaitMs(1, trainingSlots(4, 2, true), 30_000)).toBeNull();
  });
});
