import { REFERENCE_EXPERIMENT, type TEvaluation } from '@dlclass/contracts';
import { ExperimentStatus } from '@dlclass/db';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { createRunOwner } from '../test/fixtures';
import { ExperimentRepository } from './experiment.repository';

const evaluation: TEvaluation = {
  testAccuracy: 0.9,
  testLoss: 0.3,
  confusionMatrix: Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => 0)),
  perClass: [],
  samples: [],
};

const result = {
  evaluation,
  durationMs: 1234,
  parameterCount: 10,
  artifacts: {
    modelTopology: { class_name: 'Sequential' },
    weightSpecs: [],
    weightData: new ArrayBuffer(40),
  },
};

describe('ExperimentRepository (real PostgreSQL)', () => {
  let db: TestDatabase;
  let repository: ExperimentRepository;
  let owner: { id: string; classId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await createRunOwner(db.prisma);
    repository = new ExperimentRepository(db.prisma);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const create = (
    status: ExperimentStatus,
    error: string | null = null,
    attachedToId: string | null = null,
  ) =>
    db.prisma.experiment.create({
      data: {
        userId: owner.id,
        classId: owner.classId,
        name: 'test',
        spec: REFERENCE_EXPERIMENT,
        parameterCount: 0,
        status,
        error,
        trainingKey: 'test-key',
        attachedToId,
      },
    });

  it('completes a RUNNING run with its trained model', async () => {
    const { id } = await create(ExperimentStatus.RUNNING);
    expect(await repository.complete(id, result)).toEqual([expect.objectContaining({ id })]);
    const done = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe(ExperimentStatus.SUCCEEDED);
    expect(done.testAccuracy).toBe(0.9);
    expect(await db.prisma.trainedModel.count({ where: { experimentId: id } })).toBe(1);
  });

  it.each([ExperimentStatus.FAILED, ExperimentStatus.CANCELLED, ExperimentStatus.QUEUED])(
    'never overwrites a %s run with SUCCEEDED, nor stores a model for it',
    async (status) => {
      const { id } = await create(status, status === ExperimentStatus.FAILED ? 'arrêté' : null);
      expect(await repository.complete(id, result)).toEqual([]);
      const after = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
      expect(after.status).toBe(status);
      expect(after.testAccuracy).toBeNull();
      expect(await db.prisma.trainedModel.count({ where: { experimentId: id } })).toBe(0);
    },
  );

  it('marks a run FAILED once: a second call is a no-op', async () => {
    const { id } = await create(ExperimentStatus.RUNNING);
    expect(await repository.markFailed(id, 'première raison')).toHaveLength(1);
    expect(await repository.markFailed(id, 'seconde raison')).toEqual([]);
    const after = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: ExperimentStatus.FAILED, error: 'première raison' });
  });

  it("moves a shared training's unfinished runs together, each with its own epochs and its own model", async () => {
    const first = await create(ExperimentStatus.QUEUED);
    const attached = await create(ExperimentStatus.QUEUED, null, first.id);
    const left = await create(ExperimentStatus.CANCELLED, null, first.id);
    const ids = (runs: { id: string }[]) => runs.map((run) => run.id).sort();
    const both = [first.id, attached.id].sort();

    expect(ids(await repository.findTraining(first.id))).toEqual([first.id, attached.id, left.id].sort());
    expect((await repository.findTraining(first.id))[0]?.id).toBe(first.id);
    expect(ids(await repository.markRunning(first.id, 'cpu', 'CPU'))).toEqual(both);
    const epoch = { epoch: 1, loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: 0.7, durationMs: 10 };
    expect(ids(await repository.saveEpoch(first.id, epoch))).toEqual(both);
    expect(ids(await repository.complete(first.id, result))).toEqual(both);

    for (const id of both) {
      const run = await db.prisma.experiment.findUniqueOrThrow({ where: { id }, include: { epochs: true } });
      expect(run).toMatchObject({ status: ExperimentStatus.SUCCEEDED, testAccuracy: 0.9, backend: 'cpu' });
      expect(run.epochs).toHaveLength(1);
    }
    expect(await db.prisma.trainedModel.count({ where: { experimentId: { in: both } } })).toBe(2);
    // the run that left before the end gets nothing
    const gone = await db.prisma.experiment.findUniqueOrThrow({
      where: { id: left.id },
      include: { epochs: true },
    });
    expect(gone).toMatchObject({ status: ExperimentStatus.CANCELLED, testAccuracy: null, epochs: [] });
    // deleting one run's results leaves the other's whole
    await db.prisma.experiment.delete({ where: { id: first.id } });
    expect(await db.prisma.trainedModel.count({ where: { experimentId: attached.id } })).toBe(1);
  });
});
