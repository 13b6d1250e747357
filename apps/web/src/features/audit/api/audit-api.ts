import type { ApiSchemas } from '@vigil/client';
import { api, optional, unwrap } from '../../../lib/api-client';

/** One entry of the hash-chained audit log. */
export type AuditEntry = ApiSchemas['AuditEntryResponse'];
export type AuditPage = ApiSchemas['AuditPageResponse'];
/** Result of `GET /api/audit/verify`. */
export type AuditVerifyResult = ApiSchemas['AuditVerifyResponse'];

export interface AuditFilters {
  action?: string;
  /** ISO instant (inclusive). */
  from?: string;
  /** ISO instant (inclusive). */
  to?: string;
}

export interface ListAuditParams extends AuditFilters {
  cursor?: string | null;
  limit?: number;
}

export function listAuditEntries({
  action,
  from,
  to,
  cursor,
  limit,
}: ListAuditParams = {}): Promise<AuditPage> {
  const query = {
    action: optional(action),
    from: optional(from),
    to: optional(to),
    cursor: optional(cursor),
    limit,
  };
  return unwrap(api.GET('/api/audit', { params: { query } }));
}

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return unwrap(api.GET('/api/audit/verify'));
}
