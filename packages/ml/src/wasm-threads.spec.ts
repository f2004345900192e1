import type { Tensor4D } from '@tensorflow/tfjs';
import { selectBackend } from './backend';

describe('wasm backend with XNNPACK threads', () => {
  it('runs the threaded build with 2 threads and gives the cpu backend results', async () => {
    const { tf, device } = await selectBackend('wasm', undefined, { wasmThreads: 2 });
    expect(device).toContain('2 threads');
    const gradient = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const x = tf.randomUniform([8, 12, 12, 3], -1, 1, 'float32', 1) as Tensor4D;
        const filter = tf.randomUniform([3, 3, 3, 16], -1, 1, 'float32', 2) as Tensor4D;
        return Array.from(
          tf
            .grad((f) =>
              tf
                .conv2d(x, f as Tensor4D, 1, 'same')
                .square()
                .sum(),
            )(filter)
            .dataSync(),
        );
      });
    };
    const onWasm = await gradient('wasm');
    const onCpu = await gradient('cpu');
    onWasm.forEach((value, i) => {
      const expected = onCpu[i] as number;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
    });
  });
});
