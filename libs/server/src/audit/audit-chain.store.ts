import type { JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalWithoutSeq, type UnnumberedFields } from './audit-chain.js';

/** An audit_log row as SQL returns it. */
export interface AuditRow {
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

/**
 * The statement that chains and inserts one entry: it locks the chain, reads its tip, hashes and
 * inserts, in one round trip (migration AuditAppend).
 */
export function auditAppendQuery(entry: UnnumberedFields): { text: string; values: unknown[] } {
  return {
    text: 'SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    values: [
      entry.at,
      entry.actorId,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.caseId,
      JSON.stringify(entry.diff),
      entry.requestId,
      canonicalWithoutSeq(entry),
    ],
  };
}

// `Db` of database/named-query.js, spelled out: database/ registers the audit writer, so audit/
// may not import it (tools/lint/folder-cycles.ts).
type Db = DataSource | EntityManager;

/** Up to `limit` entries of the chain in order, from `fromSeq` on (a batch of a verification). */
export async function auditEntriesFrom(
  db: Db,
  fromSeq: bigint,
  limit: number,
): Promise<AuditRow[]> {
  return (await db.query('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
    fromSeq.toString(),
    limit,
  ])) as AuditRow[];
}
