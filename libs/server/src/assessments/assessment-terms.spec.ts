import { DomainError } from '@vigil/domain';
import { assertAssessablePeriod, currentPeriod, periodOf } from './assessment-terms.js';

const refusal = (period: string, now: Date): string | null => {
  try {
    assertAssessablePeriod(period, now);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
};

describe('assessment periods', () => {
  const now = new Date('2026-05-31T20:00:00Z');

  it('the current period is the UTC month', () => {
    expect(periodOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01');
    expect(periodOf(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12');
    expect(currentPeriod(now)).toBe('2026-05');
  });

  it('accepts past months, this month, and next month once it has begun somewhere', () => {
    expect(refusal('2026-05', now)).toBeNull();
    expect(refusal('1999-12', now)).toBeNull();
    // 20:00 UTC on 31 May is already 1 June in UTC+14.
    expect(refusal('2026-06', now)).toBeNull();
    expect(refusal('2026-06', new Date('2026-05-31T09:00:00Z'))).toMatch(/in the future/);
  });

  it('refuses malformed and future periods with the reason', () => {
    for (const bad of ['2026-13', '2026-00', '2026-5', '26-05', '2026/05', '2026-05-01', '']) {
      expect(refusal(bad, now)).toMatch(/period must be a month as YYYY-MM/);
    }
    expect(refusal('2027-01', now)).toBe(
      'Invalid request: period 2027-01 is in the future (the latest is 2026-06).',
    );
  });
});
