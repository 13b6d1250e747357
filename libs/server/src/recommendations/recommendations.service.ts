import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, isEditableRecommendation, type JsonValue } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { recordChange } from '../cases/record-change.js';
import { CasesService } from '../cases/cases.service.js';
import { decodeKeysetCursor, type Page, toPage } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import type {
  CreateRecommendationDto,
  ListRecommendationsQueryDto,
  UpdateRecommendationDto,
} from './dto/recommendation-input.dto.js';
import type {
  RecommendationDetailResponse,
  RecommendationResponse,
} from './dto/recommendation.response.js';
import {
  insertRecommendation,
  presentRecommendation,
  RECOMMENDATION_FIELDS,
  recommendationsOfCase,
  RecommendationStore,
  updateRecommendationFields,
  type RecommendationColumn,
} from './recommendation.store.js';

/** A draft field by its API name. */
type Field = keyof typeof RECOMMENDATION_FIELDS;

/** Recommendations of a case: drafting and reading (status changes: RecommendationStatusService). */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly store: RecommendationStore,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  async get(context: RequestContext, id: string): Promise<RecommendationDetailResponse> {
    await this.store.loadFor(this.db.manager, context, id, 'read');
    return this.store.detail(this.db, id);
  }

  /** A case's recommendations, oldest first (the order they were made), optionally by status. */
  async list(
    context: RequestContext,
    caseId: string,
    query: ListRecommendationsQueryDto,
  ): Promise<Page<RecommendationResponse>> {
    await this.cases.loadCase(this.db.manager, context, caseId);
    const limit = query.limit ?? 50;
    let after: { at: string; id: string } | undefined;
    if (query.cursor) {
      const [at, id] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      after = { at, id };
    }
    const rows = await recommendationsOfCase(this.db, caseId, limit + 1, {
      status: query.status,
      after,
    });
    return toPage(rows, limit, presentRecommendation, (r) => [r.created_key, r.id]);
  }

  /** A new draft, with the first row of its history. */
  async create(
    context: RequestContext,
    caseId: string,
    dto: CreateRecommendationDto,
  ): Promise<RecommendationDetailResponse> {
    const me = actorId(context);
    const id = await this.db.transaction(async (m) => {
      await this.cases.loadCase(m, context, caseId, 'draft', true);
      await this.store.checkReferences(m, caseId, dto);
      const createdId = await insertRecommendation(
        m,
        caseId,
        {
          documentId: dto.documentId ?? null,
          addresseeKind: dto.addresseeKind,
          addresseeOrganisationId: dto.addresseeOrganisationId ?? null,
          addresseeName: dto.addresseeName,
          actionType: dto.actionType,
          text: dto.text,
          dueDate: dto.dueDate ?? null,
        },
        me,
      );
      await this.store.recordStatus(m, createdId, null, 'draft', null, me);
      const diff: Record<string, JsonValue> = {};
      for (const field of Object.keys(RECOMMENDATION_FIELDS) as Field[])
        diff[field] = dto[field] ?? null;
      await recordChange(this.events, this.audit, m, context, {
        kind: 'recommendation',
        entity: 'recommendation',
        caseId: caseId,
        id: createdId,
        what: 'created',
        diff,
      });
      return createdId;
    });
    return this.store.detail(this.db, id);
  }

  /** Edits a draft: what is given replaces what was there (null clears an optional field). */
  async update(
    context: RequestContext,
    id: string,
    dto: UpdateRecommendationDto,
  ): Promise<RecommendationDetailResponse> {
    await this.db.transaction(async (m) => {
      const { row } = await this.store.loadFor(m, context, id, 'draft', true);
      if (!isEditableRecommendation(row.status)) {
        throw new DomainError(
          'not_allowed_now',
          `This recommendation is ${row.status}; only a draft can be edited.`,
        );
      }
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This recommendation was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const diff: Record<string, JsonValue> = {};
      const changed: [RecommendationColumn, unknown][] = [];
      for (const field of Object.keys(RECOMMENDATION_FIELDS) as Field[]) {
        const next = dto[field];
        const column = RECOMMENDATION_FIELDS[field];
        if (next === undefined || next === row[column]) continue;
        diff[field] = { from: row[column], to: next };
        changed.push([column, next]);
      }
      if (changed.length === 0) return;
      await this.store.checkReferences(m, row.case_id, {
        addresseeOrganisationId: dto.addresseeOrganisationId,
        documentId: dto.documentId,
      });
      await updateRecommendationFields(m, id, changed);
      await recordChange(this.events, this.audit, m, context, {
        kind: 'recommendation',
        entity: 'recommendation',
        caseId: row.case_id,
        id: id,
        what: 'updated',
        diff,
      });
    });
    return this.store.detail(this.db, id);
  }
}
