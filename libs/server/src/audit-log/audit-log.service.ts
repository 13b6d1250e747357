import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import type { AuditRow } from '../audit/audit-chain.store.js';
import { decodeKeysetCursor, type Page, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { listAuditEntries } from './audit-log.store.js';
import { redactEntries, type RedactedDiff } from './audit-redaction.js';
import type { AuditEntryResponse } from './dto/audit-entry.response.js';
import type { ListAuditQueryDto } from './dto/list-audit.query.js';

/**
 * Reading the audit log: accountability for every entry (who, when, what kind of record, its id,
 * the hashes), content only where the reader may read the record (`redactEntries`). The filters
 * are accountability fields only, so no filter can tell whether hidden content matches a word.
 */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, filtered, keyset-paged by seq. */
  async list(context: RequestContext, query: ListAuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const limit = query.limit ?? 50;
    const rows = await listAuditEntries(
      this.db,
      {
        action: query.action,
        entity: query.entity,
        entityId: query.entityId,
        actorId: query.actorId,
        from: query.from ? instant(query.from, 'from') : undefined,
        to: query.to ? instant(query.to, 'to') : undefined,
        beforeSeq: query.cursor ? decodeKeysetCursor(query.cursor, ['integer'])[0] : undefined,
      },
      limit,
    );
    const shown = rows.slice(0, limit);
    const redacted = await redactEntries(this.db, context, shown);
    const byRow = new Map(shown.map((row, n) => [row, redacted[n] as RedactedDiff]));
    return toPage(
      rows,
      limit,
      (row) => present(row, byRow.get(row)),
      (r) => [r.seq],
    );
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

function present(row: AuditRow, redacted: RedactedDiff | undefined): AuditEntryResponse {
  // A row without its redaction (never expected) shows nothing of its content.
  const view = redacted ?? { diff: {}, withheldFields: [], contentWithheld: true };
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    caseId: row.case_id,
    diff: view.diff,
    withheldFields: view.withheldFields,
    contentWithheld: view.contentWithheld,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
