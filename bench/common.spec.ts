import { formatTable, option, percentile, summarize } from './common';

describe('benchmark report helpers', () => {
  it('takes the nearest-rank percentile of sorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes latencies given in any order, rounded to 0.1 ms', () => {
    expect(summarize([30.04, 10, 20.06, 40])).toEqual({ count: 4, p50: 20.1, p95: 40, p99: 40, max: 40 });
    expect(summarize([])).toMatchObject({ count: 0, p50: Number.NaN, max: Number.NaN });
  });

  it('pads a table to its widest cells', () => {
    expect(
      formatTable(
        ['endpoint', 'p99 ms'],
        [
          ['GET /api/me', 12.5],
          ['PUT', 3],
        ],
      ),
    ).toBe(['endpoint     p99 ms', '-----------  ------', 'GET /api/me  12.5', 'PUT          3'].join('\n'));
  });

  it('reads positive integer options and refuses anything else', () => {
    expect(option(['--students', '5'], 'students', 300)).toBe(5);
    expect(option([], 'students', 300)).toBe(300);
    expect(() => option(['--students', '0'], 'students', 300)).toThrow('--students needs a positive integer');
    expect(() => option(['--students'], 'students', 300)).toThrow('--students needs a positive integer');
    expect(option(['--runs', '0'], 'runs', 30, 0)).toBe(0);
    expect(() => option(['--runs', '-1'], 'runs', 30, 0)).toThrow('--runs needs an integer of at least 0');
  });
});
