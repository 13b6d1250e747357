import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StageBadge, durationInWords, formatDate, riskText, timeAgo } from './stage';

describe('stage words', () => {
  it('describes the risk level with its trend, or says it was not assessed', () => {
    expect(riskText({ riskLevel: 'very_high', riskTrend: 'deteriorated' })).toBe(
      'Very high (deteriorated)',
    );
    expect(riskText({ riskLevel: 'low', riskTrend: null })).toBe('Low');
    expect(riskText({ riskLevel: null, riskTrend: 'improved' })).toBe('Not assessed');
  });

  it('shows a date as YYYY-MM-DD and leaves a non-date as it came', () => {
    expect(formatDate('2026-01-09T23:00:00.000Z')).toBe('2026-01-09');
    expect(formatDate('soon')).toBe('soon');
  });

  it('gives a duration in its largest whole unit', () => {
    expect(durationInWords(30)).toBe('less than a minute');
    expect(durationInWords(60)).toBe('1 minute');
    expect(durationInWords(2 * 3600 + 59 * 60)).toBe('2 hours');
    expect(durationInWords(3 * 86_400 + 5)).toBe('3 days');
    expect(durationInWords(-10)).toBe('less than a minute');
  });

  it('says "just now" for the last minute and "… ago" after that', () => {
    const now = Date.parse('2026-03-01T12:00:00.000Z');
    expect(timeAgo('2026-03-01T11:59:30.000Z', now)).toBe('just now');
    expect(timeAgo('2026-03-01T09:00:00.000Z', now)).toBe('3 hours ago');
  });

  it('names the stage in the badge (colour is never the only signal) and marks a pending move', () => {
    const { container, rerender } = render(<StageBadge stage="recommendation" />);
    expect(container.textContent).toBe('Recommendation');
    rerender(<StageBadge stage="alert" pending />);
    expect(container.textContent).toBe('Alert · awaiting approval');
  });
});
