import { DomainError } from '@vigil/domain';

/** Forward-looking flags an assessment may raise (docs/domain.md "Early-warning practice"). */
export const ASSESSMENT_FLAGS = ['risk_alert', 'resolution_opportunity'] as const;
export type AssessmentFlag = (typeof ASSESSMENT_FLAGS)[number];

/** Life cycle: a draft is finalised by an adviser; a finalised one is only ever superseded. */
export const ASSESSMENT_STATUSES = ['draft', 'finalised', 'superseded'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** A month, `YYYY-MM` (what the database's CHECK accepts, years 1900–2099). */
export const PERIOD_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

// The widest offset ahead of UTC (UTC+14): the latest month it is anywhere on Earth.
const MAX_UTC_OFFSET_MS = 14 * 60 * 60 * 1000;

/** The month of `at` in UTC, as `YYYY-MM`. */
export function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The month an assessment is for when the author does not say: this month (UTC). */
export function currentPeriod(now: Date = new Date()): string {
  return periodOf(now);
}

/**
 * Refuses a period that is not a month or lies in the future. "Future" allows the month it already
 * is somewhere on Earth, so an office east of Greenwich can assess its new month at once.
 */
export function assertAssessablePeriod(period: string, now: Date = new Date()): void {
  const latest = periodOf(new Date(now.getTime() + MAX_UTC_OFFSET_MS));
  const problem = !PERIOD_PATTERN.test(period)
    ? 'period must be a month as YYYY-MM, e.g. 2026-05'
    : period > latest
      ? `period ${period} is in the future (the latest is ${latest})`
      : null;
  if (problem) {
    throw new DomainError('validation_failed', `Invalid request: ${problem}.`, [
      { field: 'period', message: problem },
    ]);
  }
}
