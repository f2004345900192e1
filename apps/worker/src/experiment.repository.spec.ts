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

  const create = (status: ExperimentStatus, error: string | null = null) =>
    db.prisma.experiment.create({
      data: {
        userId: owner.id,
        classId: owner.classId,
        name: 'test',
        spec: REFERENCE_EXPERIMENT,
        parameterCount: 0,
        status,
        error,
      },
    });

  it('completes a RUNNING run with its trained model', async () => {
    const { id } = await create(ExperimentStatus.RUNNING);
    expect(await repository.complete(id, result)).toBe(true);
    const done = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe(ExperimentStatus.SUCCEEDED);
    expect(done.testAccuracy).toBe(0.9);
    expect(await db.prisma.trainedModel.count({ where: { experimentId: id } })).toBe(1);
  });

  it.each([ExperimentStatus.FAILED, ExperimentStatus.CANCELLED, ExperimentStatus.QUEUED])(
    'never overwrites a %s run with SUCCEEDED, nor stores a model for it',
    async (status) => {
      const { id } = await create(status, status === ExperimentStatus.FAILED ? 'arrêté' : null);
      expect(await repository.complete(id, result)).toBe(false);
      const after = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
      expect(after.status).toBe(status);
      expect(after.testAccuracy).toBeNull();
      expect(await db.prisma.trainedModel.count({ where: { experimentId: id } })).toBe(0);
    },
  );

  it('marks a run FAILED once: a second call is a no-op', async () => {
    const { id } = await create(ExperimentStatus.RUNNING);
    expect(await repository.markFailed(id, 'première raison')).toBe(true);
    expect(await repository.markFailed(id, 'seconde raison')).toBe(false);
    const after = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: ExperimentStatus.FAILED, error: 'première raison' });
  });
});
