import type { Stage } from '@vigil/domain';
import type { Case } from '../api/cases-api';

export const STAGE_LABELS: Record<Stage, string> = {
  monitoring: 'Monitoring',
  alert: 'Alert',
  recommendation: 'Recommendation',
  mobilisation: 'Mobilisation',
  closed: 'Closed',
};

/** Map and badge colours; always shown with the stage name, never alone. */
export const STAGE_COLOURS: Record<Stage, string> = {
  monitoring: '#9ecae1',
  alert: '#fdd049',
  recommendation: '#f28e2b',
  mobilisation: '#b2182b',
  closed: '#bdbdbd',
};

export const RISK_LEVEL_LABELS: Record<NonNullable<Case['riskLevel']>, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  very_high: 'Very high',
};

export const RISK_TREND_LABELS: Record<NonNullable<Case['riskTrend']>, string> = {
  deteriorated: 'deteriorated',
  unchanged: 'unchanged',
  improved: 'improved',
};

/** "High (deteriorated)" or "Not assessed". */
export function riskText(item: Pick<Case, 'riskLevel' | 'riskTrend'>): string {
  if (!item.riskLevel) return 'Not assessed';
  const level = RISK_LEVEL_LABELS[item.riskLevel];
  return item.riskTrend ? `${level} (${RISK_TREND_LABELS[item.riskTrend]})` : level;
}

/** Stage name with a colour swatch; "awaiting approval" when a proposal is pending. */
export function StageBadge({ stage, pending = false }: { stage: Stage; pending?: boolean }) {
  return (
    <span className={`stage-badge stage-badge--${stage}`}>
      <span className="stage-badge__swatch" aria-hidden="true" />
      {STAGE_LABELS[stage]}
      {pending ? <span className="stage-badge__pending"> · awaiting approval</span> : null}
    </span>
  );
}

/** Next review date with an "Overdue" marker in text. */
export function NextReview({ item }: { item: Pick<Case, 'nextReviewDue' | 'reviewOverdue'> }) {
  if (!item.nextReviewDue) return <span className="muted">None</span>;
  return (
    <span className={item.reviewOverdue ? 'overdue' : undefined}>
      {formatDate(item.nextReviewDue)}
      {item.reviewOverdue ? <strong className="overdue__marker"> Overdue</strong> : null}
    </span>
  );
}

/** "2 overdue" with a marker in text, or "None overdue". */
export function OverdueFollowUps({ item }: { item: Pick<Case, 'overdueFollowUps'> }) {
  const count = item.overdueFollowUps;
  if (count === 0) return <span className="muted">None overdue</span>;
  return (
    <span className="overdue" data-testid="overdue-follow-ups">
      <strong className="overdue__marker">Overdue</strong>: {count} follow-up
      {count === 1 ? '' : 's'}
    </span>
  );
}

/** `YYYY-MM-DD` in local time. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2 hours", "3 days", "less than a minute". */
export function durationInWords(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (s >= size) {
      const n = Math.floor(s / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'less than a minute';
}

/** "3 hours ago" from an ISO instant. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = (now - new Date(iso).getTime()) / 1000;
  return seconds < 60 ? 'just now' : `${durationInWords(seconds)} ago`;
}
