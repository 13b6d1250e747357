import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { recordChange } from '../cases/record-change.js';
import { CasesService } from '../cases/cases.service.js';
import { decodeKeysetCursor, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import { namedQuery } from '../database/named-query.js';
import { isUuid } from '../common/ids.js';
import type { CreateEngagementDto, UpdateEngagementDto } from './dto/engagement-input.dto.js';
import type { EngagementResponse } from './dto/engagement.response.js';
import { ENGAGEMENT_SELECT, type EngagementRow, presentEngagement } from './engagement.store.js';

/** Editable fields by their API names, and their columns. */
const FIELDS = {
  organisationId: 'organisation_id',
  kind: 'kind',
  date: 'date',
  summary: 'summary',
  outcome: 'outcome',
  followUpDue: 'follow_up_due',
} as const satisfies Record<string, keyof EngagementRow>;
type Field = keyof typeof FIELDS;

/** The mobilisation record of a case: engagements with partners and their follow-ups. */
@Injectable()
export class EngagementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  /** A case's engagements, newest date first. */
  async list(
    context: RequestContext,
    caseId: string,
    query: PageQueryDto,
  ): Promise<Page<EngagementResponse>> {
    await this.cases.loadCase(this.db.manager, context, caseId);
    const limit = query.limit ?? 50;
    const where = ['g.case_id = :caseId'];
    const params: Record<string, unknown> = { caseId, limit: limit + 1 };
    if (query.cursor) {
      const [date, at, id] = decodeKeysetCursor(query.cursor, ['date', 'timestamp', 'uuid']);
      // Not `:date`: the parameter would also match inside the `::date` cast.
      where.push(
        '(g.date, g.created_at, g.id) < (:cursorDate::date, :cursorAt::timestamptz, :cursorId::uuid)',
      );
      Object.assign(params, { cursorDate: date, cursorAt: at, cursorId: id });
    }
    const rows = await namedQuery<EngagementRow>(
      this.db,
      `${ENGAGEMENT_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY g.date DESC, g.created_at DESC, g.id DESC LIMIT :limit`,
      params,
    );
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
      const [row] = (await m.query(
        `INSERT INTO engagements (case_id, organisation_id, kind, date, summary, outcome, follow_up_due, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          caseId,
          dto.organisationId,
          dto.kind,
          dto.date,
          dto.summary,
          dto.outcome || null,
          dto.followUpDue ?? null,
          actorId(context),
        ],
      )) as { id: string }[];
      if (!row) throw new Error('insert returned no row');
      const diff: Record<string, JsonValue> = {};
      for (const field of Object.keys(FIELDS) as Field[]) diff[field] = dto[field] ?? null;
      await recordChange(this.events, this.audit, m, context, {
        kind: 'engagement',
        entity: 'engagement',
        caseId: caseId,
        id: row.id,
        what: 'created',
        diff,
      });
      return row.id;
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
      const sets: string[] = [];
      const values: unknown[] = [id];
      for (const field of Object.keys(FIELDS) as Field[]) {
        // An emptied outcome is no outcome.
        const next = field === 'outcome' && dto.outcome === '' ? null : dto[field];
        const column = FIELDS[field];
        if (next === undefined || next === row[column]) continue;
        diff[field] = { from: row[column], to: next };
        values.push(next);
        sets.push(`${column} = $${values.length}`);
      }
      const wasDone = row.follow_up_done_at !== null;
      const done = dto.followUpDone ?? (diff.followUpDue !== undefined ? false : wasDone);
      if (done !== wasDone) {
        diff.followUpDone = { from: wasDone, to: done };
        sets.push(`follow_up_done_at = ${done ? 'now()' : 'NULL'}`);
      }
      if (sets.length === 0) return;
      if (dto.organisationId !== undefined) await checkOrganisation(m, dto.organisationId);
      await m.query(
        `UPDATE engagements SET ${sets.join(', ')}, version = version + 1, updated_at = now()
         WHERE id = $1`,
        values,
      );
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
    const { row } = await this.cases.loadRecordOf(m, context, {
      read: (lockRow) => (isUuid(id) ? this.row(m, id, lockRow) : Promise.resolve(undefined)),
      missing: 'No such engagement.',
      action: 'draft',
      lock: true,
    });
    return row;
  }

  private async row(
    runner: DataSource | EntityManager,
    id: string,
    lock = false,
  ): Promise<EngagementRow | undefined> {
    const rows = (await runner.query(
      `${ENGAGEMENT_SELECT} WHERE g.id = $1 ${lock ? 'FOR UPDATE OF g' : ''}`,
      [id],
    )) as EngagementRow[];
    return rows[0];
  }

  private async presentOne(id: string): Promise<EngagementResponse> {
    const row = await this.row(this.db, id);
    if (!row) throw new DomainError('not_found', 'No such engagement.');
    return presentEngagement(row);
  }
}

// 400 unless the organisation is in the directory.
async function checkOrganisation(m: EntityManager, organisationId: string): Promise<void> {
  const [org] = (await m.query('SELECT 1 FROM organisations WHERE id = $1', [
    organisationId,
  ])) as unknown[];
  if (!org) {
    throw new DomainError('validation_failed', 'No such organisation.', [
      { field: 'organisationId', message: 'must be an organisation in the directory' },
    ]);
  }
}
