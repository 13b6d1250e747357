import {
  RATING_LABELS,
  RISK_LEVEL_LABELS,
  isRating,
  type Confidence,
  type RiskLevel,
  type RiskTrend,
} from '@vigil/domain';
import type { AssessmentFlag, AssessmentStatus } from '../api/assessments-api';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Very high". */
export function levelLabel(level: RiskLevel): string {
  return capitalise(RISK_LEVEL_LABELS[level]);
}

/** "3 high"; "4 severe". */
export function ratingLabel(rating: number): string {
  return isRating(rating) ? `${rating} ${RATING_LABELS[rating]}` : String(rating);
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  low: 'Low confidence',
  medium: 'Medium confidence',
  high: 'High confidence',
};

export const FLAG_LABELS: Record<AssessmentFlag, string> = {
  risk_alert: 'Risk alert',
  resolution_opportunity: 'Resolution opportunity',
};

export const FLAG_HINTS: Record<AssessmentFlag, string> = {
  risk_alert: 'The situation may deteriorate soon: warn early.',
  resolution_opportunity: 'There is an opening for preventive action.',
};

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  finalised: 'Finalised',
  superseded: 'Superseded',
};

/** "Deteriorated ↑" with an arrow as a second cue; the word is always there. */
export function trendLabel(trend: RiskTrend | null): string {
  if (trend === null) return 'No earlier assessment';
  const arrows: Record<RiskTrend, string> = {
    deteriorated: '↑',
    unchanged: '→',
    improved: '↓',
  };
  return `${capitalise(trend)} ${arrows[trend]}`;
}

/** This month as `YYYY-MM` (local time), for `<input type="month">`. */
export function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
