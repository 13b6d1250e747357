/** How the Office engaged a partner (docs/architecture.md §6). */
export const ENGAGEMENT_KINDS = ['meeting', 'letter', 'briefing', 'call', 'mission'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** The follow-up fields of an engagement: the due day (YYYY-MM-DD) and when it was done. */
export interface FollowUp {
  followUpDue: string | null;
  followUpDoneAt: string | Date | null;
}

/** `today` as a calendar day YYYY-MM-DD (a Date is read in UTC). */
function day(today: Date | string): string {
  return typeof today === 'string' ? today.slice(0, 10) : today.toISOString().slice(0, 10);
}

/**
 * Whether the follow-up is overdue on `today`: a due day before today and not done. Due today is
 * not yet overdue.
 */
export function isFollowUpOverdue(engagement: FollowUp, today: Date | string): boolean {
  if (engagement.followUpDue === null || engagement.followUpDoneAt !== null) return false;
  return engagement.followUpDue.slice(0, 10) < day(today);
}
