import { defaultGpuAllowGrowth, describeGpus, parseNvidiaSmiCsv } from './gpu-info';

describe('parseNvidiaSmiCsv', () => {
  it('reads one name and total memory per line', () => {
    const csv = 'NVIDIA H100 80GB HBM3, 81559 MiB\nNVIDIA GeForce RTX 3060, 12288 MiB\n';
    expect(parseNvidiaSmiCsv(csv)).toEqual([
      { name: 'NVIDIA H100 80GB HBM3', memoryBytes: 81559 * 1024 ** 2 },
      { name: 'NVIDIA GeForce RTX 3060', memoryBytes: 12288 * 1024 ** 2 },
    ]);
  });

  it('keeps the name when the memory is not a number, and skips blank lines', () => {
    expect(parseNvidiaSmiCsv('\r\nTesla T4, [N/A]\r\n\r\n')).toEqual([
      { name: 'Tesla T4', memoryBytes: null },
    ]);
    expect(parseNvidiaSmiCsv('')).toEqual([]);
  });
});

describe('describeGpus', () => {
  it('shows names and memory in Go, or nothing without a GPU', () => {
    expect(describeGpus(parseNvidiaSmiCsv('NVIDIA H100 80GB HBM3, 81559 MiB\nTesla T4, [N/A]'))).toBe(
      'GPU NVIDIA H100 80GB HBM3 (80 Go), Tesla T4',
    );
    expect(describeGpus(null)).toBeNull();
    expect(describeGpus([])).toBeNull();
  });
});

describe('defaultGpuAllowGrowth', () => {
  it('turns memory growth on unless the variable is already set', () => {
    const env: NodeJS.ProcessEnv = {};
    defaultGpuAllowGrowth(env);
    expect(env.TF_FORCE_GPU_ALLOW_GROWTH).toBe('true');
    const explicit: NodeJS.ProcessEnv = { TF_FORCE_GPU_ALLOW_GROWTH: 'false' };
    defaultGpuAllowGrowth(explicit);
    expect(explicit.TF_FORCE_GPU_ALLOW_GROWTH).toBe('false');
  });
});
