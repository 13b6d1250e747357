import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type CrimeType, type JsonValue, type RiskLevel } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { recordChange } from '../cases/record-change.js';
import { CasesService } from '../cases/cases.service.js';
import { decodeKeysetCursor, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import {
  assessmentHistory,
  AssessmentStore,
  explainAssessment,
  insertAssessment,
  updateDraft,
  type AssessmentRow,
  type RatingValues,
} from './assessment.store.js';
import { assertAssessablePeriod, currentPeriod } from './assessment-terms.js';
import { checkRatings, checkStillApplicable } from './assessment-validation.js';
import type { CreateAssessmentDto, UpdateAssessmentDto } from './dto/assessment-input.dto.js';
import type { AssessmentResponse } from './dto/assessment.response.js';

/** Risk assessments of a case: drafting and reading (finalising: AssessmentLifecycleService). */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly store: AssessmentStore,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  async get(context: RequestContext, id: string): Promise<AssessmentResponse> {
    const { row } = await this.store.loadFor(this.db.manager, context, id, 'read');
    const [answer] = await this.store.present(this.db, context, [row]);
    if (!answer) throw new DomainError('not_found', 'No such assessment.');
    return answer;
  }

  /** Every assessment of a case (drafts, finalised, superseded), newest period first. */
  async history(
    context: RequestContext,
    caseId: string,
    query: PageQueryDto,
  ): Promise<Page<AssessmentResponse>> {
    await this.cases.loadCase(this.db.manager, context, caseId);
    const limit = query.limit ?? 50;
    let after: { period: string; at: string; id: string } | undefined;
    if (query.cursor) {
      const [period, at, id] = decodeKeysetCursor(query.cursor, ['text', 'timestamp', 'uuid']);
      after = { period, at, id };
    }
    const rows = await assessmentHistory(this.db, caseId, limit + 1, after);
    const page = toPage(
      rows,
      limit,
      (r) => r,
      (r) => [r.period, r.created_key, r.id],
    );
    return {
      items: await this.store.present(this.db, context, page.items),
      nextCursor: page.nextCursor,
    };
  }

  /** A new draft for one month; refused while that month has a draft or a finalised one. */
  async create(
    context: RequestContext,
    caseId: string,
    dto: CreateAssessmentDto,
  ): Promise<AssessmentResponse> {
    const period = dto.period ?? currentPeriod();
    assertAssessablePeriod(period);
    const crimeTypes = dto.crimeTypes ?? [];
    const createdId = await this.db.transaction(async (m) => {
      await this.cases.loadCase(m, context, caseId, 'assess', true);
      await this.refuseIfTaken(m, caseId, period);
      const ratings = await checkRatings(m, context, dto.ratings, crimeTypes);
      const computed = explainAssessment(crimeTypes, ratings).level;
      const id = await insertAssessment(
        m,
        caseId,
        period,
        {
          crimeTypes,
          overallLevel: dto.overallLevel ?? null,
          computedLevel: computed,
          flags: dto.flags ?? [],
          summary: dto.summary ?? '',
        },
        actorId(context),
      );
      await this.store.replaceRatings(m, id, ratings);
      const diff = {
        period,
        crimeTypes,
        overallLevel: dto.overallLevel ?? null,
        computedLevel: computed,
        ratings: ratingMap(ratings),
      };
      await recordChange(this.events, this.audit, m, context, {
        kind: 'assessment',
        entity: 'risk_assessment',
        caseId: caseId,
        id,
        what: 'created',
        diff,
      });
      return id;
    });
    return this.store.presentOne(this.db, context, createdId);
  }

  /** Edits a draft; what is given replaces what was there. Finalised ones are read-only. */
  async update(
    context: RequestContext,
    id: string,
    dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    await this.db.transaction(async (m) => {
      const { row } = await this.store.loadFor(m, context, id, 'assess', true);
      assertDraft(row);
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This assessment was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const crimeTypes: CrimeType[] = dto.crimeTypes ?? row.crime_types;
      const stored = await this.store.storedRatings(m, id);
      let ratings = stored;
      if (dto.ratings) ratings = await checkRatings(m, context, dto.ratings, crimeTypes, stored);
      else checkStillApplicable(stored, crimeTypes);
      const next = {
        crimeTypes,
        overallLevel: dto.overallLevel === undefined ? row.overall_level : dto.overallLevel,
        flags: dto.flags ?? row.flags,
        summary: dto.summary ?? row.summary,
        computedLevel: explainAssessment(crimeTypes, ratings).level,
      };
      const diff = changes(row, stored, next, ratings);
      if (Object.keys(diff).length === 0) return;
      await updateDraft(m, id, next, actorId(context));
      if (dto.ratings) await this.store.replaceRatings(m, id, ratings);
      await recordChange(this.events, this.audit, m, context, {
        kind: 'assessment',
        entity: 'risk_assessment',
        caseId: row.case_id,
        id: id,
        what: 'updated',
        diff,
      });
    });
    return this.store.presentOne(this.db, context, id);
  }

  // 409 while the month already has a draft, or a finalised assessment (revised by superseding).
  private async refuseIfTaken(m: EntityManager, caseId: string, period: string): Promise<void> {
    const draft = await this.store.inPeriod(m, caseId, period, 'draft');
    if (draft) {
      throw new DomainError(
        'conflict',
        `A draft assessment for ${period} already exists; edit that draft instead.`,
        { assessmentId: draft },
      );
    }
    const finalised = await this.store.inPeriod(m, caseId, period, 'finalised');
    if (finalised) {
      throw new DomainError(
        'conflict',
        `The assessment for ${period} is finalised; supersede it to revise it.`,
        { assessmentId: finalised },
      );
    }
  }
}

/** Refuses any change to an assessment that is no longer a draft. */
export function assertDraft(row: AssessmentRow): void {
  if (row.status === 'finalised') {
    throw new DomainError(
      'not_allowed_now',
      'This assessment is finalised and read-only; supersede it to revise it.',
    );
  }
  if (row.status === 'superseded') {
    throw new DomainError(
      'not_allowed_now',
      'This assessment was superseded and is read-only; revise the standing assessment instead.',
    );
  }
}

/** Ratings as `{ factor: rating }`, for audit diffs. */
export function ratingMap(ratings: readonly RatingValues[]): Record<string, number> {
  return Object.fromEntries(ratings.map((r) => [String(r.factor), r.rating]));
}

// What an edit changes, as audit diff entries; empty when nothing does.
function changes(
  row: AssessmentRow,
  stored: RatingValues[],
  next: {
    crimeTypes: CrimeType[];
    overallLevel: RiskLevel | null;
    flags: string[];
    summary: string;
    computedLevel: RiskLevel;
  },
  ratings: RatingValues[],
): Record<string, JsonValue> {
  const diff: Record<string, JsonValue> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(row.crime_types, next.crimeTypes))
    diff.crimeTypes = { from: row.crime_types, to: next.crimeTypes };
  if (row.overall_level !== next.overallLevel)
    diff.overallLevel = { from: row.overall_level, to: next.overallLevel };
  if (!same(row.flags, next.flags)) diff.flags = { from: row.flags, to: next.flags };
  if (row.summary !== next.summary) diff.summary = { from: row.summary, to: next.summary };
  if (!same(stored, ratings)) diff.ratings = { from: ratingMap(stored), to: ratingMap(ratings) };
  if (Object.keys(diff).length > 0 && row.computed_level !== next.computedLevel)
    diff.computedLevel = { from: row.computed_level, to: next.computedLevel };
  return diff;
}
