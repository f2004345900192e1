/** What the class-level benchmarks (`bench:class`, `loadtest`) share: options, the worker's arrival, statistics. */
import { type TWorkerInfo, WORKER_HEARTBEAT_PREFIX } from '@dlclass/contracts';
import type { Redis } from 'ioredis';

export type Stack = { apiUrl: string; stop(): Promise<void>; failed: Promise<string> };
export const { startStack } = require('../scripts/lib/stack.cjs') as {
  startStack(options: Record<string, unknown>): Promise<Stack>;
};
export const { freePort } = require('../scripts/lib/net.cjs') as { freePort(): Promise<number> };
export const { startRedisServer } = require('../scripts/lib/services.cjs') as {
  startRedisServer(options: {
    dataDir: string;
    port: number;
  }): Promise<{ url: string; stop(): Promise<void> }>;
};

/** `--name <integer ≥ min>` (positive by default) from the command line, or the fallback. */
export function option(args: string[], name: string, fallback: number, min = 1): number {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} needs ${min === 1 ? 'a positive integer' : `an integer of at least ${min}`}`);
  return value;
}

/** The nearest-rank percentile of ascending values (NaN when there are none). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Count, p50, p95, p99 and max of latencies in ms (any order), rounded to 0.1 ms. */
export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** A plain-text table: a header row, then one row per line, columns padded to their widest cell. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/** Waits for the worker's first heartbeat in Redis (it has loaded the datasets and takes jobs). */
export async function waitForWorker(
  redis: Redis,
  workerId: string,
  timeoutMs = 180_000,
): Promise<TWorkerInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const raw = await redis.get(`${WORKER_HEARTBEAT_PREFIX}${workerId}`);
    if (raw) return JSON.parse(raw) as TWorkerInfo;
    if (Date.now() > deadline) throw new Error('the worker did not announce itself');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function get<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
