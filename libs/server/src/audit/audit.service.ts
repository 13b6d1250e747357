import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { chainHash, GENESIS_HASH, type ChainedFields } from './audit-chain.js';
import { queueAuditEntry } from './audit-chain-writer.js';
import { auditEntriesFrom, type AuditRow } from './audit-chain.store.js';
import type { AuditVerifyResponse } from './dto/audit-verify.response.js';

/** What a change records about itself. */
export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  caseId?: string | null;
  diff?: Record<string, JsonValue>;
}

const VERIFY_BATCH = 2000;

export type { AuditRow };

/**
 * The append-only, hash-chained audit log (docs/architecture.md §12): writing and verifying.
 * Reading it, with redaction, is `AuditLogService` (audit-log/).
 */
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

  /** Walks the whole chain in order and reports the first entry that does not verify. */
  async verify(): Promise<AuditVerifyResponse> {
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const rows = await auditEntriesFrom(this.db, expectedSeq, VERIFY_BATCH);
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
