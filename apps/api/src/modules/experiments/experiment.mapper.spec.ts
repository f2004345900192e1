import { REFERENCE_EXPERIMENT } from '@dlclass/contracts';
import { configureLogger } from '../../common/logger';
import { experimentMapper } from './experiment.mapper';
import type { ExperimentRow } from './experiments.repository';

function row(spec: unknown): ExperimentRow {
  return {
    id: '6f1c1b9e-3c1a-4c55-9a51-3f0d1c2b7a10',
    userId: '0b3f6f0e-5a43-4c7e-8d7e-2f8f3b2d9c11',
    classId: null,
    name: 'Ancienne expérience',
    kind: 'NETWORK',
    spec: spec as ExperimentRow['spec'],
    status: 'SUCCEEDED',
    error: null,
    backend: 'cpu',
    device: 'CPU',
    parameterCount: 121_930,
    cancelRequested: false,
    createdAt: new Date('2025-01-01T10:00:00Z'),
    startedAt: new Date('2025-01-01T10:00:01Z'),
    finishedAt: new Date('2025-01-01T10:01:00Z'),
    durationMs: 59_000,
    estimatedDurationMs: 50_000,
    estimatedWaitMs: 2_000,
    estimateBasis: 'measured',
    testAccuracy: null,
    testLoss: null,
    evaluation: null,
    retriedAsId: null,
    attachedToId: null,
    reusedFromId: null,
    user: { displayName: 'Alice' },
    epochs: [],
    model: null,
  };
}

describe('experimentMapper', () => {
  beforeAll(() => {
    configureLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  });

  it('maps a stored run with its spec and layer summary', () => {
    const dto = experimentMapper.experiment(row(REFERENCE_EXPERIMENT), null);
    expect(dto.spec).toEqual(REFERENCE_EXPERIMENT);
    expect(dto.layers.map((layer) => layer.type)).toContain('conv2d');
    expect(dto.status).toBe('succeeded');
    expect(dto.launchEstimate).toEqual({ durationMs: 50_000, waitMs: 2_000, basis: 'measured' });
  });

  it('shows no launch estimate for a run submitted without one', () => {
    const dto = experimentMapper.experiment(
      { ...row(REFERENCE_EXPERIMENT), estimatedDurationMs: null },
      null,
    );
    expect(dto.launchEstimate).toBeNull();
  });

  it('still shows a run whose stored spec no longer passes the contract (no misleading 400)', () => {
    // e.g. submitted when the epoch limit was higher
    const old = {
      ...REFERENCE_EXPERIMENT,
      training: { ...REFERENCE_EXPERIMENT.training, epochs: 99 },
    };
    expect(() => experimentMapper.summary(row(old), null)).not.toThrow();
    expect(experimentMapper.summary(row(old), null).spec).toEqual(old);
    const dto = experimentMapper.experiment(row(old), null);
    expect(dto.spec).toEqual(old);
    expect(dto.layers).toEqual([]);
    expect(() => experimentMapper.experiment(row({ nonsense: true }), null)).not.toThrow();
  });

  it('says in a status event which kind of run it is about, so a list of the other kind ignores it', () => {
    const network = experimentMapper.statusEvent(row(REFERENCE_EXPERIMENT), null);
    expect(network).toMatchObject({ kind: 'network', status: 'succeeded', queuePosition: null });
    const classical = experimentMapper.statusEvent(
      { ...row({}), kind: 'CLASSICAL', status: 'QUEUED' },
      { position: 2, estimatedWaitMs: 80_000 },
    );
    expect(classical).toMatchObject({
      kind: 'classical',
      status: 'queued',
      queuePosition: 2,
      estimatedWaitMs: 80_000,
    });
    // a run that left the queue shows no place, whatever it was given
    const running = experimentMapper.statusEvent(
      { ...row({}), status: 'RUNNING' },
      { position: 1, estimatedWaitMs: 0 },
    );
    expect(running).toMatchObject({ queuePosition: null, estimatedWaitMs: null });
  });
});
