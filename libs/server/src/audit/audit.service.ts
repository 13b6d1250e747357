import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeKeysetCursor, type Page, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { chainHash, GENESIS_HASH, type ChainedFields } from './audit-chain.js';
import { queueAuditEntry } from './audit-chain-writer.js';
import type { AuditEntryResponse, AuditVerifyResponse } from './dto/audit-entry.response.js';
import type { ListAuditQueryDto } from './dto/list-audit.query.js';

/** What a change records about itself. */
export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  caseId?: string | null;
  diff?: Record<string, JsonValue>;
}

const VERIFY_BATCH = 2000;

interface AuditRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_email?: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  case_id: string | null;
  diff: JsonValue;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The append-only, hash-chained audit log (DESIGN §9). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records a change inside the caller's transaction: the entry is chained and written just
   * before that transaction commits (`AuditChainSubscriber`), and vanishes with it on rollback.
   */
  append(
    manager: EntityManager,
    context: Pick<RequestContext, 'actor' | 'requestId'>,
    record: AuditRecord,
  ): void {
    queueAuditEntry(manager.queryRunner, {
      at: new Date().toISOString(),
      actorId: context.actor?.id ?? null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId ?? null,
      caseId: record.caseId ?? null,
      diff: record.diff ?? {},
      requestId: context.requestId,
    });
  }

  /** Newest first, filtered, keyset-paged by seq. */
  async list(query: ListAuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.action) add('a.action = ?', query.action);
    if (query.entity) add('a.entity = ?', query.entity);
    if (query.entityId) add('a.entity_id = ?', query.entityId);
    if (query.actorId) add('a.actor_id = ?', query.actorId);
    if (query.from) add('a.at >= ?', instant(query.from, 'from'));
    if (query.to) add('a.at < ?', instant(query.to, 'to'));
    if (query.cursor) {
      const [seq] = decodeKeysetCursor(query.cursor, ['integer']);
      add('a.seq < ?', seq);
    }
    params.push(limit + 1);
    const rows = (await this.db.query(
      `SELECT a.*, u.email AS actor_email FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.seq DESC LIMIT $${params.length}`,
      params,
    )) as AuditRow[];
    return toPage(rows, limit, presentAuditRow, (r) => [r.seq]);
  }

  /** Walks the whole chain in order and reports the first entry that does not verify. */
  async verify(): Promise<AuditVerifyResponse> {
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const rows = (await this.db.query(
        'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
        [expectedSeq.toString(), VERIFY_BATCH],
      )) as AuditRow[];
      for (const row of rows) {
        const problem = checkRow(row, expectedSeq, prevHash);
        if (problem)
          return { ok: false, checked, firstBrokenSeq: Number(row.seq), reason: problem };
        checked += 1;
        prevHash = row.hash;
        expectedSeq += 1n;
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}

/** A date-time filter as an exact instant; one that is not a real instant is a 400, not a SQL error. */
function instant(value: string, field: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new DomainError('validation_failed', `Invalid request: check ${field}.`, [
      { field, message: `${field} must be a date-time such as 2024-05-01T00:00:00Z` },
    ]);
  }
  return at.toISOString();
}

function checkRow(row: AuditRow, expectedSeq: bigint, prevHash: string): string | null {
  if (BigInt(row.seq) !== expectedSeq)
    return `entries ${expectedSeq} to ${BigInt(row.seq) - 1n} are missing`;
  if (row.prev_hash !== prevHash) return 'prev_hash does not match the hash of the entry before it';
  const fields: ChainedFields = {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    caseId: row.case_id,
    diff: row.diff,
    requestId: row.request_id,
  };
  return chainHash(row.prev_hash, fields) === row.hash
    ? null
    : 'content does not match its hash (the entry was altered)';
}

function presentAuditRow(row: AuditRow): AuditEntryResponse {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    caseId: row.case_id,
    diff: row.diff,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
