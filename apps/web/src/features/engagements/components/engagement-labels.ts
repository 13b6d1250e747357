import type { EngagementKind } from '../api/engagements-api';

export const ENGAGEMENT_KIND_LABELS: Record<EngagementKind, string> = {
  meeting: 'Meeting',
  letter: 'Letter',
  briefing: 'Briefing',
  call: 'Call',
  mission: 'Mission',
};

/** Today as YYYY-MM-DD in local time (the default day of a new engagement). */
export function todayInput(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
