import { estimateDurationMs, PRIOR_SPEEDS, type TMeasuredSpeed, type TRunWork } from '@dlclass/contracts';
import { runDurationMs, startInMs } from './launch-estimate';

/** A lesson-CNN-sized run: 2^21 MACs per image, batches of 64. */
const work: TRunWork = { macsPerImage: 2 ** 21, batchSize: 64, trainMacs: 6e11, evalMacs: 6e10 };
const speed = (load: number, trainMacsPerS: number): TMeasuredSpeed => ({
  sizeClass: 21,
  batchClass: 6,
  load,
  trainMacsPerS,
  evalMacsPerS: trainMacsPerS,
  overheadMs: 0,
  runs: 3,
});

describe('launch estimate: duration', () => {
  it("uses a worker's measured speed at the load the run will train under", () => {
    const worker = { backend: 'wasm' as const, concurrency: 2, speeds: [speed(1, 1e10), speed(2, 6e9)] };
    // alone on the worker: 660 G MACs at 10 G/s
    expect(runDurationMs(work, [worker], 1, 2)).toEqual({ durationMs: 66_000, basis: 'measured' });
    // beside another run: each one slower
    expect(runDurationMs(work, [worker], 2, 2)).toEqual({ durationMs: 110_000, basis: 'measured' });
  });

  it("falls back on the backend's prior until a worker has measured a run, and says so", () => {
    const fresh = { backend: 'tensorflow' as const, concurrency: 1, speeds: [] };
    expect(runDurationMs(work, [fresh], 1, 1)).toEqual({
      durationMs: estimateDurationMs(work, PRIOR_SPEEDS.tensorflow),
      basis: 'prior',
    });
    // one measured worker and one not: not a measured figure
    const measured = { backend: 'wasm' as const, concurrency: 1, speeds: [speed(1, 1e10)] };
    expect(runDurationMs(work, [measured, fresh], 1, 2).basis).toBe('prior');
    // no worker up: wasm's prior
    expect(runDurationMs(work, [], 1, 0)).toEqual({
      durationMs: estimateDurationMs(work, PRIOR_SPEEDS.wasm),
      basis: 'prior',
    });
  });

  it('weighs the workers by their slots', () => {
    const fast = { backend: 'wasm' as const, concurrency: 3, speeds: [speed(1, 1e10)] };
    const slow = { backend: 'wasm' as const, concurrency: 1, speeds: [speed(1, 5e9)] };
    expect(runDurationMs(work, [fast, slow], 1, 4).durationMs).toBe((3 * 66_000 + 132_000) / 4);
  });
});

describe('launch estimate: start', () => {
  it('starts at once on a free slot', () => {
    expect(startInMs(2, { running: [{ elapsedMs: 10_000, durationMs: 60_000 }], aheadMs: [] })).toBe(0);
  });

  it('waits for the running runs to end, then for the runs ahead', () => {
    const running = [{ elapsedMs: 10_000, durationMs: 60_000 }];
    expect(startInMs(1, { running, aheadMs: [] })).toBe(50_000);
    expect(startInMs(1, { running, aheadMs: [30_000, 30_000] })).toBe(110_000);
    // a run past its estimate is about to end
    expect(startInMs(1, { running: [{ elapsedMs: 90_000, durationMs: 60_000 }], aheadMs: [] })).toBe(0);
  });

  it('gives no start when nothing trains (no worker, or the queue paused)', () => {
    expect(startInMs(0, { running: [], aheadMs: [] })).toBeNull();
  });
});
