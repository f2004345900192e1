import { parseNvidiaSmi } from './gpu-stats';

describe('parseNvidiaSmi', () => {
  it("reads the first GPU's memory and utilisation", () => {
    expect(parseNvidiaSmi('1532, 143771, 37\n812, 143771, 0\n')).toEqual({
      memoryUsedMb: 1532,
      memoryTotalMb: 143771,
      utilizationPercent: 37,
    });
  });

  it('gives nothing for an output it does not understand', () => {
    expect(parseNvidiaSmi('[N/A], 143771, 37')).toBeUndefined();
    expect(parseNvidiaSmi('')).toBeUndefined();
  });
});
