import { REFERENCE_EXPERIMENT, type TExperimentSpec, type TExperimentSummary } from '@dlclass/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  ACCURACY_AXIS,
  accuracyColor,
  finishedRuns,
  HYPER_PARAMETER_AXES,
  mainActivation,
  rankRuns,
  scaleFor,
  studentNumbers,
  type WallAxisKey,
  type WallRun,
} from './wall';

let next = 0;
function run(overrides: Partial<TExperimentSummary> & { training?: Partial<TExperimentSpec['training']> }) {
  const { training, ...rest } = overrides;
  next += 1;
  const summary: TExperimentSummary = {
    id: `run-${next}`,
    name: `Run ${next}`,
    userId: 'alice',
    ownerName: 'Alice',
    classId: 'class',
    spec: { ...REFERENCE_EXPERIMENT, training: { ...REFERENCE_EXPERIMENT.training, ...training } },
    status: 'succeeded',
    queuePosition: null,
    estimatedWaitMs: null,
    error: null,
    backend: 'tensorflow',
    device: null,
    parameterCount: 1000,
    createdAt: `2026-11-30T10:00:${String(next).padStart(2, '0')}.000Z`,
    startedAt: null,
    finishedAt: null,
    durationMs: 5000,
    launchEstimate: null,
    epochs: [],
    hasModel: true,
    sharing: null,
    testAccuracy: 0.9,
    ...rest,
  };
  return summary;
}

const axis = (key: WallAxisKey) => {
  const found = HYPER_PARAMETER_AXES.find((a) => a.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('experiment wall helpers', () => {
  it('plots only the runs that succeeded with an accuracy', () => {
    const done = run({});
    const runs = [
      done,
      run({ status: 'running', testAccuracy: null }),
      run({ status: 'failed', testAccuracy: null }),
    ];
    expect(finishedRuns(runs).map((r) => r.id)).toEqual([done.id]);
  });

  it('reads the hyper-parameters from the spec: learning layers, their main activation', () => {
    const reference = finishedRuns([run({})])[0] as WallRun;
    expect(axis('hiddenLayers').value(reference)).toBe(3); // two convolutions and one dense layer
    expect(axis('activation').value(reference)).toBe('relu');
    expect(axis('optimizer').value(reference)).toBe('adam');
    const mixed: TExperimentSpec = {
      ...REFERENCE_EXPERIMENT,
      model: {
        layers: [
          { type: 'flatten' },
          { type: 'dense', units: 32, activation: 'tanh' },
          { type: 'dropout', rate: 0.2 },
          { type: 'dense', units: 32, activation: 'tanh' },
          { type: 'dense', units: 16, activation: 'relu' },
        ],
      },
    };
    expect(mainActivation(mixed)).toBe('tanh');
    expect(mainActivation({ ...REFERENCE_EXPERIMENT, model: { layers: [{ type: 'flatten' }] } })).toBe(
      'none',
    );
  });

  it('places values on a log scale for the learning rate, with powers of ten as ticks', () => {
    const runs = finishedRuns([
      run({ training: { learningRate: 0.0001 } }),
      run({ training: { learningRate: 0.001 } }),
      run({ training: { learningRate: 0.1 } }),
    ]);
    const scale = scaleFor(axis('learningRate'), runs);
    expect(runs.map(scale.position)).toEqual([0, expect.closeTo(1 / 3, 9), 1]);
    expect(scale.ticks.map((t) => t.value)).toEqual([0.0001, 0.001, 0.01, 0.1]);
  });

  it('uses powers of two as ticks of the batch size, and puts a single value in the middle', () => {
    const runs = finishedRuns([run({ training: { batchSize: 32 } }), run({ training: { batchSize: 128 } })]);
    expect(scaleFor(axis('batchSize'), runs).ticks.map((t) => t.value)).toEqual([32, 64, 128]);
    const alone = finishedRuns([run({ training: { epochs: 3 } })]);
    expect(scaleFor(axis('epochs'), alone).position(alone[0] as WallRun)).toBe(0.5);
  });

  it('spaces the categories some run uses, in the enum order', () => {
    const runs = finishedRuns([
      run({ training: { optimizer: 'sgd' } }),
      run({ training: { optimizer: 'adam' } }),
      run({ training: { optimizer: 'sgd' } }),
    ]);
    const scale = scaleFor(axis('optimizer'), runs);
    expect(scale.ticks).toEqual([
      { at: 0.25, value: 'adam' },
      { at: 0.75, value: 'sgd' },
    ]);
    expect(runs.map(scale.position)).toEqual([0.75, 0.25, 0.75]);
  });

  it('gives accuracy ticks inside the range', () => {
    const runs = finishedRuns([run({ testAccuracy: 0.8 }), run({ testAccuracy: 0.98 })]);
    const ticks = scaleFor(ACCURACY_AXIS, runs).ticks.map((t) => t.value);
    expect(ticks).toEqual([0.8, 0.85, 0.9, 0.95]);
  });

  it('ranks by accuracy, then the smaller model, sharing a rank on equal accuracy', () => {
    const runs = finishedRuns([
      run({ id: 'small', testAccuracy: 0.95, parameterCount: 100 }),
      run({ id: 'low', testAccuracy: 0.7 }),
      run({ id: 'big', testAccuracy: 0.95, parameterCount: 5000 }),
      run({ id: 'best', testAccuracy: 0.99, userId: 'bob' }),
    ]);
    expect(rankRuns(runs).map(({ rank, run }) => [rank, run.id])).toEqual([
      [1, 'best'],
      [2, 'small'],
      [2, 'big'],
      [4, 'low'],
    ]);
    expect(rankRuns(runs, true).map(({ rank, run }) => [rank, run.id])).toEqual([
      [1, 'best'],
      [2, 'small'],
    ]);
  });

  it('numbers students by their first run, whatever the order of the list', () => {
    const runs = [
      run({ userId: 'carol', createdAt: '2026-11-30T10:05:00.000Z' }),
      run({ userId: 'alice', createdAt: '2026-11-30T10:03:00.000Z' }),
      run({ userId: 'bob', createdAt: '2026-11-30T10:01:00.000Z' }),
      run({ userId: 'carol', createdAt: '2026-11-30T10:00:00.000Z' }),
    ];
    expect([...studentNumbers(runs)]).toEqual([
      ['carol', 1],
      ['bob', 2],
      ['alice', 3],
    ]);
    expect([...studentNumbers([...runs].reverse())]).toEqual([...studentNumbers(runs)]);
  });

  it('colours the lowest accuracy red and the highest green', () => {
    expect(accuracyColor(0.5, 0.5, 0.9)).toBe('hsl(4 70% 40%)');
    expect(accuracyColor(0.9, 0.5, 0.9)).toBe('hsl(140 70% 40%)');
  });
});
