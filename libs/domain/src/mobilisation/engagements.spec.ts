import { describe, expect, it } from '@jest/globals';
import { ENGAGEMENT_KINDS, isFollowUpOverdue } from './engagements.js';

describe('engagement follow-ups', () => {
  it('has the five kinds', () => {
    expect(ENGAGEMENT_KINDS).toEqual(['meeting', 'letter', 'briefing', 'call', 'mission']);
  });

  it('is overdue only after the due day and while not done', () => {
    const open = (followUpDue: string | null) => ({ followUpDue, followUpDoneAt: null });
    expect(isFollowUpOverdue(open('2026-03-09'), '2026-03-10')).toBe(true);
    expect(isFollowUpOverdue(open('2026-03-10'), '2026-03-10')).toBe(false);
    expect(isFollowUpOverdue(open('2026-03-11'), '2026-03-10')).toBe(false);
    expect(isFollowUpOverdue(open(null), '2026-03-10')).toBe(false);
    expect(
      isFollowUpOverdue(
        { followUpDue: '2026-03-01', followUpDoneAt: '2026-03-05T10:00:00Z' },
        '2026-03-10',
      ),
    ).toBe(false);
  });

  it('reads a Date as its UTC day', () => {
    const open = { followUpDue: '2026-03-09', followUpDoneAt: null };
    expect(isFollowUpOverdue(open, new Date('2026-03-09T23:59:59Z'))).toBe(false);
    expect(isFollowUpOverdue(open, new Date('2026-03-10T00:00:00Z'))).toBe(true);
  });
});
