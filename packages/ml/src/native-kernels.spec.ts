import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scalar } from '@tensorflow/tfjs';
import {
  ADAM_UPDATE,
  loadNativeKernels,
  NATIVE_ADDON_PATH,
  registerNativeTrainingKernels,
} from './native-kernels';
import { selectBackend } from './node';
import { describeTrainingKernels } from './training-kernels.testing';

describe('native training kernels (oneDNN, over the wasm backend)', () => {
  describeTrainingKernels('native', (tf) => registerNativeTrainingKernels(tf, loadNativeKernels()));

  it('runs each Adam step of a variable as one native kernel', async () => {
    const { tf } = await selectBackend('native');
    const w = tf.variable(tf.ones([3, 2]));
    const optimizer = tf.train.adam(0.1);
    const { kernelNames } = await tf.profile(() => {
      optimizer.minimize(() => w.square().sum() as Scalar, false, [w]);
    });
    expect(kernelNames).toContain(ADAM_UPDATE);
    expect(kernelNames).not.toContain('Sqrt');
    optimizer.dispose();
    w.dispose();
  });

  it('refuses arrays that do not match the dimensions instead of reading past them', () => {
    const addon = loadNativeKernels();
    const dims = Int32Array.of(1, 1, 2, 2, 2, 0, 0);
    const two = new Float32Array(4);
    expect(() => addon.matMul(dims, two, two, new Float32Array(3), null, 0)).toThrow(/c does not match/);
    expect(() => addon.matMul(dims, two, new Float64Array(4) as never, two, null, 0)).toThrow(/b does not/);
    expect(() => addon.sumLeadingAxes(3, two, new Float32Array(2))).toThrow(/x does not match/);
    expect(() =>
      addon.adamUpdate(new Float32Array(8), two, two, two, two, two, two, new Float32Array(3)),
    ).toThrow(/newV does not match/);
  });

  it('keeps the heap intact when signals arrive during products (V8 profiler: a signal every 100 µs)', () => {
    // oneDNN 2.6's JIT GEMM points the stack pointer into the heap; unprotected, this aborts with
    // "corrupted size vs. prev_size" (uxlfoundation/oneDNN#4845)
    const dir = mkdtempSync(join(tmpdir(), 'dlclass-native-signals-'));
    try {
      const script = `
        const addon = require(${JSON.stringify(NATIVE_ADDON_PATH)});
        const a = new Float32Array(64 * 784).fill(0.5), b = new Float32Array(784 * 128).fill(0.25);
        const c = new Float32Array(64 * 128), dims = Int32Array.of(1, 1, 64, 128, 784, 0, 0);
        for (let i = 0; i < 3000; i++) addon.matMul(dims, a, b, c, null, 0);
        for (let i = 0; i < 1000; i++) new Float32Array(1000 + i);
        process.stdout.write(String(c[0]));`;
      const child = spawnSync(
        process.execPath,
        ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, '-e', script],
        { encoding: 'utf8' },
      );
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      expect(child.stdout).toBe('98');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to build the addon when it is missing', () => {
    expect(() => loadNativeKernels('/nonexistent/dlclass_kernels.node')).toThrow(/npm run build:native/);
  });
});
