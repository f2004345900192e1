import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZDatasetInfo } from '@dlclass/contracts';
import { createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { DEBIAN_FASHION_MNIST_DIR, isDatasetInstalled } from '@dlclass/ml/node';
import request from 'supertest';
import { type Harness, startHarness } from './harness';

/** GET /api/datasets/:id for MNIST and Fashion-MNIST, installed or not. */
describe.each([
  ['installed here', DEBIAN_FASHION_MNIST_DIR],
  ['not installed', 'empty'],
] as const)('GET /api/datasets/:id, Fashion-MNIST %s', (_, fashionDir) => {
  let h: Harness;
  let token: string;
  let emptyDir: string | undefined;
  const fashionInstalled = fashionDir !== 'empty' && isDatasetInstalled(fashionDir);

  beforeAll(async () => {
    emptyDir = fashionDir === 'empty' ? mkdtempSync(join(tmpdir(), 'dlclass-no-fashion-')) : undefined;
    h = await startHarness('datasets', { env: { FASHION_MNIST_DIR: emptyDir ?? fashionDir } });
    token = await issueSessionToken(h.db.prisma, (await createTeacher(h.db.prisma)).id);
  });

  afterAll(async () => {
    await h?.close();
    if (emptyDir) rmSync(emptyDir, { recursive: true, force: true });
  });

  const get = (id: string) => request(h.server).get(`/api/datasets/${id}`);
  const auth = () => ({ Authorization: `Bearer ${token}` });

  it('describes MNIST with labelled examples', async () => {
    const res = await get('mnist').set(auth()).expect(200);
    const info = ZDatasetInfo.parse(res.body);
    expect(info).toMatchObject({ id: 'mnist', available: true, trainCount: 60_000, testCount: 10_000 });
    expect(info.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('describes Fashion-MNIST, or says how to install it', async () => {
    // npm test and .ci/run install Debian's dataset-fashion-mnist: the installed case must run, not skip.
    expect(fashionDir === 'empty' || fashionInstalled).toBe(true);
    const res = await get('fashion-mnist').set(auth()).expect(200);
    const info = ZDatasetInfo.parse(res.body);
    expect(info.classNames).toHaveLength(10);
    expect(info.classNames[9]).toBe('Bottine');
    if (fashionDir === 'empty') {
      expect(info).toMatchObject({
        id: 'fashion-mnist',
        available: false,
        install: 'sudo apt-get install dataset-fashion-mnist',
      });
      expect(info.available === false && info.message).toContain("n'est pas installé");
    } else {
      expect(info).toMatchObject({ id: 'fashion-mnist', available: true, trainCount: 60_000 });
      expect(info.available && info.examples[0]?.label).toBe(9); // an ankle boot
    }
  });

  it('answers 404 in French for an unknown dataset, 401 without a session', async () => {
    const res = await get('cifar10').set(auth()).expect(404);
    expect(res.body.message).toContain('Jeu de données inconnu');
    await get('mnist').expect(401);
  });
});
