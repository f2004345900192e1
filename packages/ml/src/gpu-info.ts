/** Node-only: the NVIDIA GPUs of this machine as nvidia-smi reports them, for the device shown to users. */
import { execFileSync } from 'node:child_process';

export interface TGpuInfo {
  name: string;
  /** Total memory in bytes; null when nvidia-smi gave no number (e.g. "[N/A]"). */
  memoryBytes: number | null;
}

const UNIT_BYTES: Record<string, number> = { KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

/**
 * Parses `nvidia-smi --query-gpu=name,memory.total --format=csv,noheader`: one "name, 81559 MiB" line per
 * GPU. The name is everything before the last comma (names do not contain commas, but be safe).
 */
export function parseNvidiaSmiCsv(csv: string): TGpuInfo[] {
  const gpus: TGpuInfo[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const comma = line.lastIndexOf(',');
    const name = (comma < 0 ? line : line.slice(0, comma)).trim();
    if (!name) continue;
    const memory = comma < 0 ? '' : line.slice(comma + 1).trim();
    const match = /^(\d+(?:\.\d+)?)\s*([KMG]iB)$/i.exec(memory);
    const unit = match ? UNIT_BYTES[(match[2] as string).toUpperCase()] : undefined;
    gpus.push({ name, memoryBytes: match && unit ? Math.round(Number(match[1]) * unit) : null });
  }
  return gpus;
}

/** The GPUs reported by nvidia-smi, or null when it is missing, fails, or lists none. */
export function queryNvidiaGpus(timeoutMs = 5000): TGpuInfo[] | null {
  try {
    const out = execFileSync('nvidia-smi', ['--query-gpu=name,memory.total', '--format=csv,noheader'], {
      encoding: 'utf8',
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const gpus = parseNvidiaSmiCsv(out);
    return gpus.length > 0 ? gpus : null;
  } catch {
    return null;
  }
}

/** "GPU NVIDIA H100 80GB HBM3 (80 Go)", several GPUs joined by commas; null when there is none. */
export function describeGpus(gpus: readonly TGpuInfo[] | null): string | null {
  if (!gpus || gpus.length === 0) return null;
  const one = ({ name, memoryBytes }: TGpuInfo) =>
    memoryBytes === null ? name : `${name} (${Math.round(memoryBytes / 1024 ** 3)} Go)`;
  return `GPU ${gpus.map(one).join(', ')}`;
}

/**
 * TensorFlow reserves nearly all GPU memory by default; growth lets several workers share a card. Must run
 * in the main thread before tfjs-node-gpu loads: a worker_thread's process.env is a copy that the native
 * library never sees. An explicit setting (even "false") is kept.
 */
export function defaultGpuAllowGrowth(env: NodeJS.ProcessEnv = process.env): void {
  env.TF_FORCE_GPU_ALLOW_GROWTH ??= 'true';
}
