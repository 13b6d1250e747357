import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { recordChange } from '../cases/record-change.js';
import { CaseRecords } from '../cases/case-records.store.js';
import { CasesService } from '../cases/cases.service.js';
import { decodeKeysetCursor, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import type { CreateEngagementDto, UpdateEngagementDto } from './dto/engagement-input.dto.js';
import type { EngagementResponse } from './dto/engagement.response.js';
import {
  ENGAGEMENT_FIELDS as FIELDS,
  type EngagementColumn,
  engagementPage,
  type EngagementRow,
  ENGAGEMENT_RECORD,
  insertEngagement,
  presentEngagement,
  updateEngagement,
} from './engagement.store.js';
import { organisationExists } from '../organisations/organisations.store.js';

type Field = keyof typeof FIELDS;

/** The mobilisation record of a case: engagements with partners and their follow-ups. */
@Injectable()
export class EngagementsService {
  /** Engagements reached through their case: 404 alike for missing and hidden, case row first. */
  private readonly records: CaseRecords<EngagementRow>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {
    this.records = new CaseRecords(cases, ENGAGEMENT_RECORD);
  }

  /** A case's engagements, newest date first. */
  async list(
    context: RequestContext,
    caseId: string,
    query: PageQueryDto,
  ): Promise<Page<EngagementResponse>> {
    await this.cases.loadCase(this.db.manager, context, caseId);
    const limit = query.limit ?? 50;
    const after = query.cursor
      ? decodeKeysetCursor(query.cursor, ['date', 'timestamp', 'uuid'])
      : undefined;
    const rows = await engagementPage(this.db, { caseId, fetch: limit + 1, after });
    return toPage(rows, limit, presentEngagement, (r) => [r.date, r.created_key, r.id]);
  }

  async create(
    context: RequestContext,
    caseId: string,
    dto: CreateEngagementDto,
  ): Promise<EngagementResponse> {
    const id = await this.db.transaction(async (m) => {
      await this.cases.loadCase(m, context, caseId, 'draft', true);
      await checkOrganisation(m, dto.organisationId);
      const engagementId = await insertEngagement(m, {
        caseId,
        organisationId: dto.organisationId,
        kind: dto.kind,
        date: dto.date,
        summary: dto.summary,
        outcome: dto.outcome || null,
        followUpDue: dto.followUpDue ?? null,
        createdBy: actorId(context),
      });
      const diff: Record<string, JsonValue> = {};
      for (const field of Object.keys(FIELDS) as Field[]) diff[field] = dto[field] ?? null;
      await recordChange(this.events, this.audit, m, context, {
        kind: 'engagement',
        entity: 'engagement',
        caseId: caseId,
        id: engagementId,
        what: 'created',
        diff,
      });
      return engagementId;
    });
    return this.presentOne(id);
  }

  /**
   * Edits an engagement. A new follow-up due day opens the follow-up again; `followUpDone`
   * closes it (now) or reopens it.
   */
  async update(
    context: RequestContext,
    id: string,
    dto: UpdateEngagementDto,
  ): Promise<EngagementResponse> {
    await this.db.transaction(async (m) => {
      const row = await this.loadFor(m, context, id);
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This engagement was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const diff: Record<string, JsonValue> = {};
      const changes: [EngagementColumn, JsonValue][] = [];
      for (const field of Object.keys(FIELDS) as Field[]) {
        // An emptied outcome is no outcome.
        const next = field === 'outcome' && dto.outcome === '' ? null : dto[field];
        const column = FIELDS[field];
        if (next === undefined || next === row[column]) continue;
        diff[field] = { from: row[column], to: next };
        changes.push([column, next]);
      }
      const wasDone = row.follow_up_done_at !== null;
      const done = dto.followUpDone ?? (diff.followUpDue !== undefined ? false : wasDone);
      const followUpDone = done !== wasDone ? done : undefined;
      if (followUpDone !== undefined) diff.followUpDone = { from: wasDone, to: done };
      if (changes.length === 0 && followUpDone === undefined) return;
      if (dto.organisationId !== undefined) await checkOrganisation(m, dto.organisationId);
      await updateEngagement(m, id, changes, followUpDone);
      await recordChange(this.events, this.audit, m, context, {
        kind: 'engagement',
        entity: 'engagement',
        caseId: row.case_id,
        id: id,
        what: 'updated',
        diff,
      });
    });
    return this.presentOne(id);
  }

  // The engagement, locked after its case, when the caller may draft on the case (else 404/403).
  private async loadFor(
    m: EntityManager,
    context: RequestContext,
    id: string,
  ): Promise<EngagementRow> {
    return (await this.records.loadFor(m, context, id, 'draft', true)).row;
  }

  private async presentOne(id: string): Promise<EngagementResponse> {
    const row = await this.records.row(this.db, id);
    if (!row) throw new DomainError('not_found', 'No such engagement.');
    return presentEngagement(row);
  }
}

// 400 unless the organisation is in the directory.
async function checkOrganisation(m: EntityManager, organisationId: string): Promise<void> {
  if (!(await organisationExists(m, organisationId))) {
    throw new DomainError('validation_failed', 'No such organisation.', [
      { field: 'organisationId', message: 'must be an organisation in the directory' },
    ]);
  }
}
