// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateInputToIso, formatDateTime, formatTime, plural } from './format';

// The tests run with TZ=UTC (vitest.config.ts), so local time is UTC here.
describe('format', () => {
  it('shows a time as 24-hour HH:MM with leading zeros', () => {
    expect(formatTime('2026-03-04T07:05:09.000Z')).toBe('07:05');
    expect(formatTime('2026-03-04T19:45:00.000Z')).toBe('19:45');
  });

  it('shows a date and time as YYYY-MM-DD HH:MM:SS', () => {
    expect(formatDateTime('2026-03-04T07:05:09.123Z')).toBe('2026-03-04 07:05:09');
  });

  it('leaves a value that is not a date as it came', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('turns a date input into the first and last instant of that day', () => {
    expect(dateInputToIso('2026-02-28', 'start')).toBe('2026-02-28T00:00:00.000Z');
    expect(dateInputToIso('2026-02-28', 'end')).toBe('2026-02-28T23:59:59.999Z');
  });

  it('leaves an empty or impossible date input out', () => {
    expect(dateInputToIso('', 'start')).toBeUndefined();
    expect(dateInputToIso('2026-13-45', 'end')).toBeUndefined();
  });

  it('counts in the singular for one and the plural otherwise', () => {
    expect(plural(1, 'user')).toBe('1 user');
    expect(plural(0, 'user')).toBe('0 users');
    expect(plural(3, 'person', 'people')).toBe('3 people');
  });
});
