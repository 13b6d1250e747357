/** What an in-app notification is about; each has its own words in the web app and the e-mail. */
export const NOTIFICATION_TYPES = [
  'mention',
  'escalation.awaiting_approval',
  'escalation.decided',
  'review.overdue',
  'comment.framework_team',
  'engagement.follow_up_overdue',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How a person wants notifications by e-mail (when the server has SMTP configured). */
export const EMAIL_PREFERENCES = ['off', 'immediate', 'daily_digest'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
