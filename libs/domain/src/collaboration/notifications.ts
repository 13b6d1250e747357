/** What an in-app notification is about; each has its own words in the web app and the e-mail. */
export const NOTIFICATION_TYPES = [
  'mention',
  'escalation.awaiting_approval',
  'escalation.decided',
  'review.overdue',
  'comment.framework_team',
  'engagement.follow_up_overdue',
  /** The person's account was hard-locked after failed sign-ins from many addresses (issue 15). */
  'account.locked',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * Kinds that must reach people first: a decision awaited, a deadline passed. When e-mail is
 * queued (a recipient over their hourly budget, a busy run), these go before the rest.
 */
export const URGENT_NOTIFICATION_TYPES: readonly string[] = [
  'escalation.awaiting_approval',
  'review.overdue',
  'engagement.follow_up_overdue',
  'account.locked',
];

/** How a person wants notifications by e-mail (when the server has SMTP configured). */
export const EMAIL_PREFERENCES = ['off', 'immediate', 'daily_digest'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
