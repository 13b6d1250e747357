import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  describeReliability,
  DomainError,
  type JsonValue,
  type Reliability,
  type SourceKind,
} from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { decodeNameIdCursor, toPage, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { namedQuery } from '../database/named-query.js';
import { isUuid } from '../users/users.service.js';
import type {
  CreateSourceDto,
  ListSourcesQueryDto,
  SourceResponse,
  UpdateSourceDto,
} from './dto/source.dto.js';
import { SOURCE_SQL_FIELDS } from './item-access.js';

interface SourceRow {
  id: string;
  name: string;
  kind: SourceKind;
  reliability: Reliability;
  contact_notes: string;
  version: number;
  created_at: Date;
  item_count: number;
}

const SOURCE_COLUMNS = `s.id, s.name, s.kind, s.reliability, s.contact_notes, s.version, s.created_at,
  (SELECT count(*)::int FROM information_items si WHERE si.source_id = s.id) AS item_count`;

/**
 * Sources, kept apart from items. Reading one means reading its identity, so every query filters
 * by the caller's `read Source` rules; a source they may not read is "not found". Names and contact
 * notes never go into the audit diff or the logs: the audit records that they changed, not to what.
 */
@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(context: RequestContext, query: ListSourcesQueryDto): Promise<Page<SourceResponse>> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'Source', SOURCE_SQL_FIELDS);
    const where = [acl.sql];
    const params: Record<string, unknown> = { ...acl.params, limit: limit + 1 };
    if (query.q?.trim()) {
      where.push('s.name ILIKE :q');
      params.q = `%${query.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    }
    if (query.cursor) {
      const [name, id] = decodeNameIdCursor(query.cursor);
      where.push('(lower(s.name), s.id) > (:cursorName, :cursorId::uuid)');
      Object.assign(params, { cursorName: name, cursorId: id });
    }
    const rows = await namedQuery<SourceRow>(
      this.db,
      `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE ${where.join(' AND ')}
       ORDER BY lower(s.name), s.id LIMIT :limit`,
      params,
    );
    return toPage(rows, limit, present, (r) => [r.name.toLowerCase(), r.id]);
  }

  async get(context: RequestContext, id: string): Promise<SourceResponse> {
    return present(await this.load(this.db.manager, context, id));
  }

  async create(context: RequestContext, dto: CreateSourceDto): Promise<SourceResponse> {
    const id = await this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO sources (name, kind, reliability, contact_notes, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [dto.name, dto.kind, dto.reliability, dto.contactNotes ?? '', context.actor?.id],
      )) as { id: string }[];
      if (!row) throw new Error('insert returned no row');
      this.audit.append(m, context, {
        action: 'source.create',
        entity: 'source',
        entityId: row.id,
        diff: { kind: dto.kind, reliability: dto.reliability },
      });
      return row.id;
    });
    return this.get(context, id);
  }

  async update(context: RequestContext, id: string, dto: UpdateSourceDto): Promise<SourceResponse> {
    await this.db.transaction(async (m) => {
      const row = await this.load(m, context, id, true);
      if (!context.ability.can('update', 'Source')) {
        throw new DomainError('forbidden', 'You may not edit sources.');
      }
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This source was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const diff: Record<string, JsonValue> = {};
      if (dto.name !== undefined && dto.name !== row.name) diff.nameChanged = true;
      if (dto.contactNotes !== undefined && dto.contactNotes !== row.contact_notes)
        diff.contactNotesChanged = true;
      if (dto.kind !== undefined && dto.kind !== row.kind)
        diff.kind = { from: row.kind, to: dto.kind };
      if (dto.reliability !== undefined && dto.reliability !== row.reliability)
        diff.reliability = { from: row.reliability, to: dto.reliability };
      if (Object.keys(diff).length === 0) return;
      await m.query(
        `UPDATE sources SET name = $2, kind = $3, reliability = $4, contact_notes = $5, version = version + 1,
           updated_at = now() WHERE id = $1`,
        [
          id,
          dto.name ?? row.name,
          dto.kind ?? row.kind,
          dto.reliability ?? row.reliability,
          dto.contactNotes ?? row.contact_notes,
        ],
      );
      this.audit.append(m, context, {
        action: 'source.update',
        entity: 'source',
        entityId: id,
        diff,
      });
    });
    return this.get(context, id);
  }

  private async load(
    m: EntityManager,
    context: RequestContext,
    id: string,
    lock = false,
  ): Promise<SourceRow> {
    const acl = abilityToSql(context.ability, 'read', 'Source', SOURCE_SQL_FIELDS);
    const [row] = isUuid(id)
      ? await namedQuery<SourceRow>(
          m,
          `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id = :id AND ${acl.sql} ${lock ? 'FOR UPDATE OF s' : ''}`,
          { ...acl.params, id },
        )
      : [];
    if (!row) throw new DomainError('not_found', 'No such source.');
    return row;
  }
}

function present(row: SourceRow): SourceResponse {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    reliability: row.reliability,
    reliabilityMeaning: describeReliability(row.reliability),
    contactNotes: row.contact_notes,
    itemCount: row.item_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
