import { Injectable } from '@nestjs/common';
import {
  applicableFactors,
  DomainError,
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
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import type { RequestContext } from '../common/request-context.js';
import { CaseRecords } from '../cases/case-records.store.js';
import { CasesService } from '../cases/cases.service.js';
import { namedQuery, type Db } from '../database/named-query.js';
import { ITEM_SQL_FIELDS } from '../information/item-access.sql.js';

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
export class AssessmentStore extends CaseRecords<AssessmentRow> {
  // loadFor (through the case: 404 alike for missing and hidden, 403 for the action, case row
  // then assessment locked) and row come from CaseRecords.
  constructor(cases: CasesService) {
    super(cases, { select: ASSESSMENT_SELECT, alias: 'a', missing: 'No such assessment.' });
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

/** What a new draft or an edit writes on the risk_assessments row itself. */
export interface AssessmentValues {
  crimeTypes: CrimeType[];
  overallLevel: RiskLevel | null;
  computedLevel: RiskLevel;
  flags: string[];
  summary: string;
}

/** Inserts a new draft for `period` of a case; returns its id. */
export async function insertAssessment(
  m: EntityManager,
  caseId: string,
  period: string,
  values: AssessmentValues,
  userId: string,
): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO risk_assessments (case_id, period, crime_types, overall_level, computed_level, flags, summary, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [
      caseId,
      period,
      values.crimeTypes,
      values.overallLevel,
      values.computedLevel,
      values.flags,
      values.summary,
      userId,
    ],
  )) as { id: string }[];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Writes an edit of a draft and bumps its version. */
export async function updateDraft(
  m: EntityManager,
  id: string,
  values: AssessmentValues,
  userId: string,
): Promise<void> {
  await m.query(
    `UPDATE risk_assessments SET crime_types = $2, overall_level = $3, flags = $4, summary = $5,
           computed_level = $6, version = version + 1, updated_by = $7, updated_at = now()
         WHERE id = $1`,
    [
      id,
      values.crimeTypes,
      values.overallLevel,
      values.flags,
      values.summary,
      values.computedLevel,
      userId,
    ],
  );
}

/**
 * One page of a case's assessments, newest period first (`take` rows at most), after the keyset
 * `after` (period, created_at to the microsecond, id) when given.
 */
export async function assessmentHistory(
  db: Db,
  caseId: string,
  take: number,
  after?: { period: string; at: string; id: string },
): Promise<AssessmentRow[]> {
  const where = ['a.case_id = :caseId'];
  const params: Record<string, unknown> = { caseId, limit: take };
  if (after) {
    where.push('(a.period, a.created_at, a.id) < (:period, :at::timestamptz, :id::uuid)');
    Object.assign(params, after);
  }
  return namedQuery<AssessmentRow>(
    db,
    `${ASSESSMENT_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY a.period DESC, a.created_at DESC, a.id DESC LIMIT :limit`,
    params,
  );
}

/** The risk factor of each of these indicators that the catalogue holds now. */
export async function indicatorFactors(
  m: EntityManager,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query('SELECT id, factor FROM indicators WHERE id = ANY($1::text[])', [
    [...new Set(ids)],
  ])) as { id: string; factor: number }[];
  return new Map(rows.map((r) => [r.id, r.factor]));
}

/** Which of these information items the caller may read (missing and hidden alike absent). */
export async function readableItemIds(
  m: EntityManager,
  context: RequestContext,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const acl = abilityToSql(context.ability, 'read', 'InformationItem', ITEM_SQL_FIELDS);
  const rows = await namedQuery<{ id: string }>(
    m,
    `SELECT i.id FROM information_items i WHERE i.id = ANY(:ids::uuid[]) AND ${acl.sql}`,
    { ...acl.params, ids: [...new Set(ids)] },
  );
  return new Set(rows.map((r) => r.id));
}
