import { Injectable } from '@nestjs/common';
import {
  applicableFactors,
  DomainError,
  explainRiskLevel,
  type Action,
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
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import type { RequestContext } from '../common/request-context.js';
import type { CaseRow } from '../cases/case.store.js';
import { CasesService } from '../cases/cases.service.js';
import { namedQuery } from '../database/named-query.js';
import { ITEM_SQL_FIELDS } from '../information/item-access.js';
import { isUuid } from '../common/ids.js';

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

/** A rating as written: checked, with every field filled in. */
export interface RatingValues {
  factor: number;
  rating: Rating;
  confidence: Confidence;
  rationale: string;
  evidenceItemIds: string[];
  indicatorIds: string[];
}

type Runner = DataSource | EntityManager;

/** Reads and writes of risk_assessments and their ratings, and access to them through the case. */
@Injectable()
export class AssessmentStore {
  constructor(private readonly cases: CasesService) {}

  /**
   * Loads an assessment whose case the caller may read (else 404, whether missing or hidden) and
   * checks `action` on that case (403). With `lock`, the case row and then the assessment are
   * locked, in that order everywhere, so writers on one case queue instead of deadlocking.
   */
  async loadFor(
    m: EntityManager,
    context: RequestContext,
    id: string,
    action: Action,
    lock = false,
  ): Promise<{ row: AssessmentRow; caseRow: CaseRow }> {
    return this.cases.loadRecordOf(m, context, {
      read: (lockRow) => (isUuid(id) ? this.row(m, id, lockRow) : Promise.resolve(undefined)),
      missing: 'No such assessment.',
      action,
      lock,
    });
  }

  /** One assessment row, optionally locked. */
  async row(runner: Runner, id: string, lock = false): Promise<AssessmentRow | undefined> {
    const rows = (await runner.query(
      `${ASSESSMENT_SELECT} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    )) as AssessmentRow[];
    return rows[0];
  }

  /** The assessment of `caseId` for `period` in `status`, if any. */
  async inPeriod(
    m: EntityManager,
    caseId: string,
    period: string,
    status: 'draft' | 'finalised',
  ): Promise<string | null> {
    const [row] = (await m.query(
      'SELECT id FROM risk_assessments WHERE case_id = $1 AND period = $2 AND status = $3',
      [caseId, period, status],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** Ratings as stored, every evidence id included (for validation and copies, never for output). */
  async storedRatings(m: EntityManager, assessmentId: string): Promise<RatingValues[]> {
    const rows = (await m.query(
      'SELECT * FROM risk_factor_ratings WHERE assessment_id = $1 ORDER BY factor',
      [assessmentId],
    )) as RatingRow[];
    return rows.map((r) => ({
      factor: r.factor,
      rating: r.rating,
      confidence: r.confidence,
      rationale: r.rationale,
      evidenceItemIds: r.evidence_item_ids,
      indicatorIds: r.indicator_ids,
    }));
  }

  /** Replaces every rating of an assessment in one statement. */
  async replaceRatings(m: EntityManager, id: string, ratings: RatingValues[]): Promise<void> {
    await m.query('DELETE FROM risk_factor_ratings WHERE assessment_id = $1', [id]);
    if (ratings.length === 0) return;
    await m.query(
      `INSERT INTO risk_factor_ratings
         (assessment_id, factor, rating, confidence, rationale, evidence_item_ids, indicator_ids)
       SELECT $1, (r->>'factor')::smallint, (r->>'rating')::smallint, r->>'confidence', r->>'rationale',
         ARRAY(SELECT e.v FROM jsonb_array_elements_text(r->'evidenceItemIds') WITH ORDINALITY e(v, n) ORDER BY e.n)::uuid[],
         ARRAY(SELECT e.v FROM jsonb_array_elements_text(r->'indicatorIds') WITH ORDINALITY e(v, n) ORDER BY e.n)
       FROM jsonb_array_elements($2::jsonb) r`,
      [id, JSON.stringify(ratings)],
    );
  }

  /** Presents rows with their ratings, showing only the evidence the caller may read. */
  async present(
    runner: Runner,
    context: RequestContext,
    rows: AssessmentRow[],
  ): Promise<AssessmentResponse[]> {
    if (rows.length === 0) return [];
    const acl = abilityToSql(context.ability, 'read', 'InformationItem', ITEM_SQL_FIELDS);
    const ratings = await namedQuery<RatingRow>(
      runner,
      `SELECT r.assessment_id, r.factor, r.rating, r.confidence, r.rationale, r.indicator_ids,
         ARRAY(SELECT u.e FROM unnest(r.evidence_item_ids) WITH ORDINALITY u(e, n)
               JOIN information_items i ON i.id = u.e WHERE ${acl.sql} ORDER BY u.n) AS evidence_item_ids
       FROM risk_factor_ratings r WHERE r.assessment_id = ANY(:ids::uuid[])
       ORDER BY r.assessment_id, r.factor`,
      { ...acl.params, ids: rows.map((r) => r.id) },
    );
    return rows.map((row) =>
      presentAssessment(
        row,
        ratings.filter((r) => r.assessment_id === row.id),
      ),
    );
  }

  /** One assessment, presented. */
  async presentOne(
    runner: Runner,
    context: RequestContext,
    id: string,
  ): Promise<AssessmentResponse> {
    const row = await this.row(runner, id);
    if (!row) throw new DomainError('not_found', 'No such assessment.');
    const [answer] = await this.present(runner, context, [row]);
    if (!answer) throw new DomainError('not_found', 'No such assessment.');
    return answer;
  }
}
