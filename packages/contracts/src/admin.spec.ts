import { DEFAULT_QUOTA, effectiveQuota, ZQuotaOverride } from './admin';

describe('quotas', () => {
  it('inherits every null field: the student over the class over the defaults', () => {
    const classOverride = ZQuotaOverride.parse({ maxEpochs: 10, concurrentRuns: 2 });
    const studentOverride = ZQuotaOverride.parse({ maxEpochs: 20 });
    expect(effectiveQuota(classOverride, studentOverride)).toEqual({
      ...DEFAULT_QUOTA,
      concurrentRuns: 2,
      maxEpochs: 20,
    });
    expect(effectiveQuota(null, null)).toEqual(DEFAULT_QUOTA);
  });

  it('refuses a value outside its bounds with a French message naming the limit', () => {
    const result = ZQuotaOverride.safeParse({ maxParameters: 3_000_000, extra: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'Le nombre maximal de paramètres doit être un entier entre 1000 et 2000000',
    );
  });
});
