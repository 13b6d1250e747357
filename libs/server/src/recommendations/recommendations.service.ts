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
import { namedQuery } from '../database/named-query.js';
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
  presentRecommendation,
  RECOMMENDATION_SELECT,
  type RecommendationRow,
} from './recommendation.store.js';
import { RecommendationStore } from './recommendation.store.js';

/** The fields of a draft, by their API names, and their columns. */
const FIELDS = {
  addresseeKind: 'addressee_kind',
  addresseeOrganisationId: 'addressee_organisation_id',
  addresseeName: 'addressee_name',
  actionType: 'action_type',
  text: 'text',
  dueDate: 'due_date',
  documentId: 'document_id',
} as const satisfies Record<string, keyof RecommendationRow>;
type Field = keyof typeof FIELDS;

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
    const where = ['r.case_id = :caseId'];
    const params: Record<string, unknown> = { caseId, limit: limit + 1 };
    if (query.status) {
      where.push('r.status = :status');
      params.status = query.status;
    }
    if (query.cursor) {
      const [at, id] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      where.push('(r.created_at, r.id) > (:at::timestamptz, :id::uuid)');
      Object.assign(params, { at, id });
    }
    const rows = await namedQuery<RecommendationRow>(
      this.db,
      `${RECOMMENDATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at, r.id LIMIT :limit`,
      params,
    );
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
      const [row] = (await m.query(
        `INSERT INTO recommendations (case_id, document_id, addressee_kind, addressee_organisation_id,
           addressee_name, action_type, text, due_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          caseId,
          dto.documentId ?? null,
          dto.addresseeKind,
          dto.addresseeOrganisationId ?? null,
          dto.addresseeName,
          dto.actionType,
          dto.text,
          dto.dueDate ?? null,
          me,
        ],
      )) as { id: string }[];
      if (!row) throw new Error('insert returned no row');
      await this.store.recordStatus(m, row.id, null, 'draft', null, me);
      const diff: Record<string, JsonValue> = {};
      for (const field of Object.keys(FIELDS) as Field[]) diff[field] = dto[field] ?? null;
      await recordChange(this.events, this.audit, m, context, {
        kind: 'recommendation',
        entity: 'recommendation',
        caseId: caseId,
        id: row.id,
        what: 'created',
        diff,
      });
      return row.id;
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
      const sets: string[] = [];
      const values: unknown[] = [id];
      for (const field of Object.keys(FIELDS) as Field[]) {
        const next = dto[field];
        const column = FIELDS[field];
        if (next === undefined || next === row[column]) continue;
        diff[field] = { from: row[column], to: next };
        values.push(next);
        sets.push(`${column} = $${values.length}`);
      }
      if (sets.length === 0) return;
      await this.store.checkReferences(m, row.case_id, {
        addresseeOrganisationId: dto.addresseeOrganisationId,
        documentId: dto.documentId,
      });
      await m.query(
        `UPDATE recommendations SET ${sets.join(', ')}, version = version + 1, updated_at = now()
         WHERE id = $1`,
        values,
      );
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
