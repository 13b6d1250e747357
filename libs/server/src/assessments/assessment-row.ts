import {
  applicableFactors,
  explainRiskLevel,
  type Confidence,
  type CrimeType,
  type FactorRating,
  type Rating,
  type RiskLevel,
  type RiskTrend,
} from '@vigil/domain';
import { isoMicros } from '../cases/case-filters.js';
import type { AssessmentFlag, AssessmentStatus } from './assessment-terms.js';
import type { AssessmentResponse, RatingResponse } from './dto/assessment.response.js';

/** A risk_assessments row with the names of its author and finaliser. */
export interface AssessmentRow {
  id: string;
  case_id: string;
  period: string;
  status: AssessmentStatus;
  crime_types: CrimeType[];
  overall_level: RiskLevel | null;
  computed_level: RiskLevel;
  trend: RiskTrend | null;
  flags: AssessmentFlag[];
  summary: string;
  supersedes_id: string | null;
  version: number;
  created_by: string;
  creator_name: string;
  finalised_by: string | null;
  finaliser_name: string | null;
  finalised_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** created_at to the microsecond, for cursors. */
  created_key: string;
}

/** A risk_factor_ratings row. */
export interface RatingRow {
  assessment_id: string;
  factor: number;
  rating: Rating;
  confidence: Confidence;
  rationale: string;
  evidence_item_ids: string[];
  indicator_ids: string[];
}

/** SELECT … FROM for AssessmentRow over `risk_assessments a`. */
export const ASSESSMENT_SELECT = `SELECT a.*, ${isoMicros('a.created_at')} AS created_key,
    cu.display_name AS creator_name, fu.display_name AS finaliser_name
  FROM risk_assessments a JOIN users cu ON cu.id = a.created_by
  LEFT JOIN users fu ON fu.id = a.finalised_by`;

/** The computed level and its reasons, over the factors that apply to the crime types. */
export function explainAssessment(
  crimeTypes: readonly CrimeType[],
  ratings: readonly FactorRating[],
) {
  const applicable = applicableFactors(crimeTypes);
  return { applicable, ...explainRiskLevel(ratings, { applicableFactors: applicable }) };
}

/** The shape sent out; `ratings` already carry only the evidence the caller may read. */
export function presentAssessment(row: AssessmentRow, ratings: RatingRow[]): AssessmentResponse {
  const { applicable, reasons } = explainAssessment(row.crime_types, ratings);
  return {
    id: row.id,
    caseId: row.case_id,
    period: row.period,
    status: row.status,
    crimeTypes: row.crime_types,
    applicableFactors: applicable,
    ratings: ratings.map(presentRating),
    overallLevel: row.overall_level,
    computedLevel: row.computed_level,
    computedReasons: reasons,
    trend: row.trend,
    flags: row.flags,
    summary: row.summary,
    supersedesId: row.supersedes_id,
    version: row.version,
    createdBy: { id: row.created_by, displayName: row.creator_name },
    finalisedBy: row.finalised_by
      ? { id: row.finalised_by, displayName: row.finaliser_name ?? '' }
      : null,
    finalisedAt: row.finalised_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function presentRating(r: RatingRow): RatingResponse {
  return {
    factor: r.factor,
    rating: r.rating,
    confidence: r.confidence,
    rationale: r.rationale,
    evidenceItemIds: r.evidence_item_ids,
    indicatorIds: r.indicator_ids,
  };
}
