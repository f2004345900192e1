import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const QUERY_TIMEOUT_MS = 2_000;

export interface GpuStats {
  memoryUsedMb: number;
  memoryTotalMb: number;
  utilizationPercent: number;
}

/** Parses nvidia-smi's CSV line "used, total, utilization" (MiB, MiB, %) of the first GPU. */
export function parseNvidiaSmi(output: string): GpuStats | undefined {
  const [used, total, utilization] = (output.split('\n')[0] ?? '').split(',').map((v) => Number(v.trim()));
  if (![used, total, utilization].every((v) => v !== undefined && Number.isFinite(v))) return undefined;
  return {
    memoryUsedMb: used as number,
    memoryTotalMb: total as number,
    utilizationPercent: utilization as number,
  };
}

/**
 * The GPU's memory and load for the heartbeat (the admin page shows them), from nvidia-smi; undefined when
 * it is missing or fails: the heartbeat then simply has no GPU figures.
 */
export async function readGpuStats(): Promise<GpuStats | undefined> {
  try {
    const { stdout } = await run(
      'nvidia-smi',
      ['--query-gpu=memory.used,memory.total,utilization.gpu', '--format=csv,noheader,nounits'],
      { timeout: QUERY_TIMEOUT_MS },
    );
    return parseNvidiaSmi(stdout);
  } catch {
    return undefined;
  }
}
