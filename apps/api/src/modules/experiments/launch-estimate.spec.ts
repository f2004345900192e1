import { estimateDurationMs, PRIOR_SPEEDS, type TMeasuredSpeed, type TRunWork } from '@dlclass/contracts';
import { queuedAhead, remainingMs, runDurationMs, startInMs } from './launch-estimate';

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

/** A training running for `elapsedMs` of its estimated `durationMs`, no epoch done yet (of 5). */
const runningFor = (elapsedMs: number, durationMs: number, epochsDone = 0) => ({
  elapsedMs,
  durationMs,
  epochsDone,
  epochs: 5,
});

describe('launch estimate: start', () => {
  it('starts at once on a free slot', () => {
    expect(startInMs(2, { running: [runningFor(10_000, 60_000)], aheadMs: [] })).toBe(0);
  });

  it('waits for the running runs to end, then for the runs ahead', () => {
    const running = [runningFor(10_000, 60_000)];
    expect(startInMs(1, { running, aheadMs: [] })).toBe(50_000);
    expect(startInMs(1, { running, aheadMs: [30_000, 30_000] })).toBe(110_000);
    // a run past its estimate is about to end
    expect(startInMs(1, { running: [runningFor(90_000, 60_000)], aheadMs: [] })).toBe(0);
    // once it has done epochs, at their pace: 2 of 5 in 40 s, 60 s to go
    expect(startInMs(1, { running: [runningFor(40_000, 60_000, 2)], aheadMs: [] })).toBe(60_000);
  });

  it('gives no start when nothing trains (no worker, or the queue paused)', () => {
    expect(startInMs(0, { running: [], aheadMs: [] })).toBeNull();
  });
});

describe('launch estimate: a running training', () => {
  it('needs the rest of its estimate until an epoch is done, none once past it', () => {
    expect(remainingMs(runningFor(15_000, 60_000))).toBe(45_000);
    expect(remainingMs(runningFor(75_000, 60_000))).toBe(0);
  });

  it('then the epochs left at the pace of those done, whatever the estimate said', () => {
    // slower than estimated: 1 epoch of 5 in 30 s
    expect(remainingMs(runningFor(30_000, 60_000, 1))).toBe(120_000);
    // faster: 4 of 5 in 20 s
    expect(remainingMs(runningFor(20_000, 60_000, 4))).toBe(5_000);
    // every epoch done: only its evaluation is left
    expect(remainingMs(runningFor(50_000, 60_000, 5))).toBe(0);
  });
});

describe('launch estimate: the queued trainings ahead', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, s));
  // in the queue's order: rank, then creation
  const queued = [
    { trainingId: 'a', rank: 1, createdAt: at(10) },
    { trainingId: 'b', rank: 1, createdAt: at(20) },
    { trainingId: 'c', rank: 2, createdAt: at(5) },
    { trainingId: 'd', rank: 3, createdAt: at(1) },
  ];
  const ids = (trainings: { trainingId: string }[]) => trainings.map((training) => training.trainingId);

  it("of a new training: those of its owner's next rank or better, all there before it", () => {
    expect(ids(queuedAhead(queued, { rank: 2, createdAt: at(30) }))).toEqual(['a', 'b', 'c']);
    expect(ids(queuedAhead(queued, { rank: 1, createdAt: at(30) }))).toEqual(['a', 'b']);
  });

  it('of a queued training: those before its place, itself left out', () => {
    expect(ids(queuedAhead(queued, { trainingId: 'c', rank: 2, createdAt: at(5) }))).toEqual(['a', 'b']);
    // a student's first run attaching to it moves it up to rank 1, after the rank-1 trainings there before it
    expect(ids(queuedAhead(queued, { trainingId: 'd', rank: 1, createdAt: at(1) }))).toEqual([]);
    expect(ids(queuedAhead(queued, { trainingId: 'c', rank: 1, createdAt: at(15) }))).toEqual(['a']);
  });
});
