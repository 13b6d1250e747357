import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { describeReliability, DomainError, type Action, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { isUuid } from '../common/ids.js';
import { decodeKeysetCursor, toPage, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { sqlOn } from '../database/sql-runner.js';
import { UNREADABLE_SOURCE_NAME, type SourceIdentity } from '../sources/source-cipher.js';
import { SourceStore, type SourceRecord } from '../sources/source.store.js';
import type {
  CreateSourceDto,
  ListSourcesQueryDto,
  SourceResponse,
  UpdateSourceDto,
} from './dto/source.dto.js';
import { ITEM_SQL_FIELDS, SOURCE_SQL_FIELDS } from './item-access.sql.js';

/**
 * Sources, kept apart from items. Reading one means reading its identity, so every query filters
 * by the caller's `read Source` rules (a source's classification is the highest of the items citing
 * it); a source they may not read is "not found". Identities are encrypted at rest (SourceStore).
 * Names and contact notes never go into the audit diff or the logs: the audit records that they
 * changed, not to what.
 */
@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly store: SourceStore,
  ) {}

  /** Newest first: names are not in the database to sort on. `q` searches the blind index. */
  async list(context: RequestContext, query: ListSourcesQueryDto): Promise<Page<SourceResponse>> {
    const limit = query.limit ?? 50;
    const q = query.q?.trim();
    let before: { createdKey: string; id: string } | undefined;
    if (query.cursor) {
      const [createdKey = '', id = ''] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      before = { createdKey, id };
    }
    const rows = await this.store.find(this.db, {
      ...this.access(context, 'read'),
      nameQuery: q ? q : undefined,
      before,
      limit: limit + 1,
    });
    return toPage(rows, limit, present, (r) => [r.createdKey, r.id]);
  }

  async get(context: RequestContext, id: string): Promise<SourceResponse> {
    return present(await this.load(this.db.manager, context, id, 'read'));
  }

  async create(context: RequestContext, dto: CreateSourceDto): Promise<SourceResponse> {
    const actor = context.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Sign in first.');
    const id = await this.db.transaction(async (m) => {
      const created = await this.store.insert(sqlOn(m), {
        name: dto.name,
        contactNotes: dto.contactNotes ?? '',
        kind: dto.kind,
        reliability: dto.reliability,
        createdBy: actor.id,
      });
      this.audit.append(m, context, {
        action: 'source.create',
        entity: 'source',
        entityId: created,
        diff: { kind: dto.kind, reliability: dto.reliability },
      });
      return created;
    });
    return this.get(context, id);
  }

  async update(context: RequestContext, id: string, dto: UpdateSourceDto): Promise<SourceResponse> {
    await this.db.transaction(async (m) => {
      const row = await this.load(m, context, id, 'update', true);
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This source was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const identity = nextIdentity(row.identity, dto);
      const diff: Record<string, JsonValue> = {};
      if (dto.name !== undefined && dto.name !== row.identity?.name) diff.nameChanged = true;
      if (dto.contactNotes !== undefined && dto.contactNotes !== row.identity?.contactNotes)
        diff.contactNotesChanged = true;
      if (dto.kind !== undefined && dto.kind !== row.kind)
        diff.kind = { from: row.kind, to: dto.kind };
      if (dto.reliability !== undefined && dto.reliability !== row.reliability)
        diff.reliability = { from: row.reliability, to: dto.reliability };
      if (Object.keys(diff).length === 0) return;
      await this.store.update(sqlOn(m), id, {
        kind: dto.kind ?? row.kind,
        reliability: dto.reliability ?? row.reliability,
        identity,
      });
      this.audit.append(m, context, {
        action: 'source.update',
        entity: 'source',
        entityId: id,
        diff,
      });
    });
    return this.get(context, id);
  }

  /**
   * A source the caller may read ("not found" otherwise), checked for `action`, optionally
   * locked. Its item count counts only the items the caller may read.
   */
  private async load(
    m: EntityManager,
    context: RequestContext,
    id: string,
    action: Action,
    lock = false,
  ): Promise<SourceRecord> {
    const [row] = isUuid(id)
      ? await this.store.find(m, { ...this.access(context, 'read'), id, lock })
      : [];
    if (!row) throw new DomainError('not_found', 'No such source.');
    if (action !== 'read') {
      const [allowed] = await this.store.find(m, { ...this.access(context, action), id });
      if (!allowed) throw new DomainError('forbidden', 'You may not edit this source.');
    }
    return row;
  }

  /** The caller's rules for `action` on sources, and for reading the items that cite them. */
  private access(context: RequestContext, action: Action) {
    return {
      acl: abilityToSql(context.ability, action, 'Source', SOURCE_SQL_FIELDS),
      itemAcl: abilityToSql(context.ability, 'read', 'InformationItem', ITEM_SQL_FIELDS, 'iacl'),
    };
  }
}

/**
 * The identity after a change. An unreadable stored identity can only be replaced whole (name
 * and contact notes together); a change of kind or reliability alone leaves it as it is (null).
 */
function nextIdentity(current: SourceIdentity | null, dto: UpdateSourceDto): SourceIdentity | null {
  // What an unreadable identity is shown as is never a name: a client sending back what it was
  // shown must not overwrite a value that may still be recovered (a key put back).
  if (dto.name === UNREADABLE_SOURCE_NAME) {
    throw new DomainError(
      'validation_failed',
      'name: this is what an unreadable source is shown as, not a name; send the real name.',
      [{ field: 'name', message: 'the placeholder of an unreadable source is not a name' }],
    );
  }
  if (current) {
    return {
      name: dto.name ?? current.name,
      contactNotes: dto.contactNotes ?? current.contactNotes,
    };
  }
  if (dto.name !== undefined && dto.contactNotes !== undefined)
    return { name: dto.name, contactNotes: dto.contactNotes };
  if (dto.name !== undefined || dto.contactNotes !== undefined) {
    throw new DomainError(
      'conflict',
      'The stored identity of this source cannot be decrypted: send both name and contactNotes to record it again.',
    );
  }
  return null;
}

function present(row: SourceRecord): SourceResponse {
  return {
    id: row.id,
    name: row.identity?.name ?? UNREADABLE_SOURCE_NAME,
    unreadable: row.identity === null,
    kind: row.kind,
    reliability: row.reliability,
    reliabilityMeaning: describeReliability(row.reliability),
    contactNotes: row.identity?.contactNotes ?? '',
    itemCount: row.itemCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
