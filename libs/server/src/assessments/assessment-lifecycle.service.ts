import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicableFactors,
  computeTrend,
  DomainError,
  findRiskFactor,
  unratedFactors,
  type JsonValue,
  type RiskLevel,
  type RiskTrend,
} from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import {
  hasLaterFinalised,
  insertRevision,
  markFinalised,
  previousFinalisedLevel,
  setCaseRisk,
  supersedeStanding,
} from './assessment-lifecycle.store.js';
import { explainAssessment, type AssessmentRow } from './assessment.store.js';
import { AssessmentStore } from './assessment.store.js';
import { ratingMap } from './assessments.service.js';
import type { AssessmentResponse } from './dto/assessment.response.js';

/** Finalising a draft (advisers), superseding a finalised assessment (docs/architecture.md §9). */
@Injectable()
export class AssessmentLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: AssessmentStore,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  /**
   * Finalises a complete draft: trend against the previous period's standing assessment, the one
   * it replaces marked superseded, and the case's risk level and trend, in one transaction.
   */
  async finalise(
    context: RequestContext,
    id: string,
    expectedVersion?: number,
  ): Promise<AssessmentResponse> {
    await this.db.transaction(async (m) => {
      const { row, caseRow } = await this.store.loadFor(m, context, id, 'finalise', true);
      if (row.status !== 'draft') {
        throw new DomainError(
          'not_allowed_now',
          row.status === 'finalised'
            ? 'This assessment is already finalised.'
            : 'This assessment was superseded; it cannot be finalised.',
        );
      }
      if (expectedVersion !== undefined && expectedVersion !== row.version) {
        throw new DomainError(
          'stale_version',
          `This draft changed since you read it (now version ${row.version}). Review it again before finalising.`,
          { currentVersion: row.version },
        );
      }
      const ratings = await this.store.storedRatings(m, id);
      const overallLevel = assertComplete(row, ratings);
      const computedLevel = explainAssessment(row.crime_types, ratings).level;
      const previous = await previousFinalisedLevel(m, row.case_id, row.period);
      const trend = computeTrend(overallLevel, previous);
      // The one standing for this month steps down first: one finalised per case and month.
      const supersededId = await supersedeStanding(m, row.case_id, row.period);
      const me = actorId(context);
      await markFinalised(m, id, me, trend, computedLevel);
      const caseChanged = await this.updateCaseRisk(m, row, overallLevel, trend);
      await this.events.record(m, context, row.case_id, {
        type: 'assessment.finalised',
        payload: {
          assessmentId: id,
          period: row.period,
          overallLevel,
          trend,
          supersededId,
        },
      });
      this.audit.append(m, context, {
        action: 'assessment.finalise',
        entity: 'risk_assessment',
        entityId: id,
        caseId: row.case_id,
        diff: {
          period: row.period,
          overallLevel,
          computedLevel,
          trend,
          ratings: ratingMap(ratings),
        },
      });
      if (supersededId) {
        this.audit.append(m, context, {
          action: 'assessment.supersede',
          entity: 'risk_assessment',
          entityId: supersededId,
          caseId: row.case_id,
          diff: { status: { from: 'finalised', to: 'superseded' }, supersededBy: id },
        });
      }
      if (caseChanged) {
        this.audit.append(m, context, {
          action: 'case.risk',
          entity: 'case',
          entityId: row.case_id,
          caseId: row.case_id,
          diff: {
            riskLevel: { from: caseRow.risk_level, to: overallLevel },
            riskTrend: { from: caseRow.risk_trend, to: trend },
            assessmentId: id,
          },
        });
      }
    });
    return this.store.presentOne(this.db, context, id);
  }

  /**
   * Starts a revision of a finalised assessment: a new draft for the same month with its ratings.
   * The finalised one stands until the revision is finalised.
   */
  async supersede(context: RequestContext, id: string): Promise<AssessmentResponse> {
    const createdId = await this.db.transaction(async (m) => {
      const { row } = await this.store.loadFor(m, context, id, 'assess', true);
      if (row.status !== 'finalised') {
        throw new DomainError(
          'not_allowed_now',
          row.status === 'draft'
            ? 'This assessment is still a draft; edit it instead.'
            : `This assessment was already superseded; revise the standing assessment for ${row.period}.`,
        );
      }
      const draft = await this.store.inPeriod(m, row.case_id, row.period, 'draft');
      if (draft) {
        throw new DomainError(
          'conflict',
          `A draft assessment for ${row.period} already exists; edit that draft instead.`,
          { assessmentId: draft },
        );
      }
      const ratings = await this.store.storedRatings(m, id);
      const computedLevel = explainAssessment(row.crime_types, ratings).level;
      const me = actorId(context);
      const revisionId = await insertRevision(m, row, computedLevel, me);
      await this.store.replaceRatings(m, revisionId, ratings);
      const diff: Record<string, JsonValue> = {
        period: row.period,
        supersedesId: id,
        computedLevel,
        ratings: ratingMap(ratings),
      };
      await this.events.record(m, context, row.case_id, {
        type: 'assessment.created',
        payload: { assessmentId: revisionId, supersedesId: id, fields: Object.keys(diff) },
      });
      this.audit.append(m, context, {
        action: 'assessment.create',
        entity: 'risk_assessment',
        entityId: revisionId,
        caseId: row.case_id,
        diff,
      });
      return revisionId;
    });
    return this.store.presentOne(this.db, context, createdId);
  }

  /**
   * The case shows the level of its latest month. Finalising an earlier month (filling in the past)
   * leaves it alone. Not a case edit: its version stays, so nobody's open form goes stale.
   */
  private async updateCaseRisk(
    m: EntityManager,
    row: AssessmentRow,
    level: RiskLevel,
    trend: RiskTrend | null,
  ): Promise<boolean> {
    if (await hasLaterFinalised(m, row.case_id, row.period)) return false;
    await setCaseRisk(m, row.case_id, level, trend);
    return true;
  }
}

// What finalising needs: an overall level and every applicable factor rated. Returns the level.
function assertComplete(row: AssessmentRow, ratings: readonly { factor: number }[]): RiskLevel {
  const missing = unratedFactors(ratings, applicableFactors(row.crime_types));
  const named = missing.map((f) => `RF${f} (${findRiskFactor(f)?.shortName ?? 'unknown'})`);
  const problems = [
    ...(row.overall_level ? [] : ['choose the overall risk level']),
    ...(missing.length ? [`rate every applicable factor: ${named.join(', ')} not rated`] : []),
  ];
  if (!row.overall_level || problems.length > 0) {
    throw new DomainError('not_allowed_now', `Cannot finalise yet: ${problems.join('; ')}.`, {
      overallLevelMissing: !row.overall_level,
      unratedFactors: missing,
    });
  }
  return row.overall_level;
}
