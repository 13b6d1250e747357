import { Injectable } from '@nestjs/common';
import { DomainError, type Action, type Confidence, type Rating } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import type { RequestContext } from '../common/request-context.js';
import type { CaseRow } from '../cases/case-row.js';
import { CasesService } from '../cases/cases.service.js';
import { namedQuery } from '../database/named-query.js';
import { ITEM_SQL_FIELDS } from '../information/item-access.js';
import { isUuid } from '../common/ids.js';
import {
  ASSESSMENT_SELECT,
  presentAssessment,
  type AssessmentRow,
  type RatingRow,
} from './assessment-row.js';
import type { AssessmentResponse } from './dto/assessment.response.js';

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
