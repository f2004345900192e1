import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureLogger } from '../../common/logger';
import { loadConfig } from '../../config/config';
import { DatasetsService } from './datasets.service';

describe('DatasetsService (MNIST description, read from disk once)', () => {
  const savedEnv = process.env.MNIST_DIR;
  let emptyDir: string;

  beforeAll(() => {
    configureLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
    emptyDir = mkdtempSync(join(tmpdir(), 'dlclass-no-mnist-'));
  });

  afterAll(() => {
    rmSync(emptyDir, { recursive: true, force: true });
    if (savedEnv === undefined) delete process.env.MNIST_DIR;
    else process.env.MNIST_DIR = savedEnv;
  });

  it('reads the folder of its configuration, not process.env', async () => {
    process.env.MNIST_DIR = emptyDir; // ignored: the parsed configuration says "default"
    const service = new DatasetsService(loadConfig({ LOG_LEVEL: 'silent' }));
    const info = await service.mnistInfo();
    expect(info).toMatchObject({ id: 'mnist', trainCount: 60_000, testCount: 10_000, imageSize: 28 });
    expect(info.examples).toHaveLength(24);
    expect(info.examples[0]?.label).toBe(5);
    // cached: the same object, without reading the files again
    expect(await service.mnistInfo()).toBe(info);
  });

  it('fails with the configured folder named, and tries again on the next call', async () => {
    delete process.env.MNIST_DIR;
    const service = new DatasetsService(loadConfig({ LOG_LEVEL: 'silent', MNIST_DIR: emptyDir }));
    await expect(service.mnistInfo()).rejects.toThrow(emptyDir);
    await expect(service.mnistInfo()).rejects.toThrow(/not found/);
  });

  it('starts reading at boot without holding up startup; requests share that read', async () => {
    const service = new DatasetsService(loadConfig({ LOG_LEVEL: 'silent' }));
    const started = Date.now();
    service.onApplicationBootstrap();
    expect(Date.now() - started).toBeLessThan(10); // the read happens on a later turn of the loop
    const [a, b] = await Promise.all([service.mnistInfo(), service.mnistInfo()]);
    expect(a).toBe(b);
  });
});
