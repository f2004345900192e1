import { spawnSync } from 'node:child_process';

/**
 * Runs in a child process, as the bench and a training thread do: the threaded build's pthread pool then
 * starts in a fresh process rather than in a Jest worker that other test files have used before.
 */
const CHILD_SCRIPT = `
const { selectBackend } = require(${JSON.stringify(require.resolve('./backend'))});
(async () => {
  const { tf, device } = await selectBackend('wasm', undefined, { wasmThreads: 2 });
  const gradient = async (backend) => {
    await tf.setBackend(backend);
    return tf.tidy(() => {
      const x = tf.randomUniform([8, 12, 12, 3], -1, 1, 'float32', 1);
      const filter = tf.randomUniform([3, 3, 3, 16], -1, 1, 'float32', 2);
      return Array.from(tf.grad((f) => tf.conv2d(x, f, 1, 'same').square().sum())(filter).dataSync());
    });
  };
  const onWasm = await gradient('wasm');
  const onCpu = await gradient('cpu');
  console.log(JSON.stringify({ device, onWasm, onCpu }));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('wasm backend with XNNPACK threads', () => {
  it('runs the threaded build with 2 threads and gives the cpu backend results', () => {
    const child = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', CHILD_SCRIPT], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect({ status: child.status, signal: child.signal, stderr: child.stderr }).toMatchObject({
      status: 0,
      signal: null,
    });
    const line = child.stdout.split('\n').find((text) => text.startsWith('{')) as string;
    const { device, onWasm, onCpu } = JSON.parse(line) as {
      device: string;
      onWasm: number[];
      onCpu: number[];
    };
    expect(device).toContain('2 threads');
    expect(onWasm).toHaveLength(3 * 3 * 3 * 16);
    onWasm.forEach((value, i) => {
      const expected = onCpu[i] as number;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
    });
  });
});
