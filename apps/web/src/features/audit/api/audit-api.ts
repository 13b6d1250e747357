import type { ApiSchemas } from '@vigil/client';
import { api, optional, unwrap } from '../../../lib/api-client';

/**
 * One entry of the hash-chained audit log. `withheldFields` names the `diff` fields whose values
 * the reader may not read (they are absent from `diff`); `contentWithheld` says the reader may
 * not read the record the entry is about. Both may be missing from an older server: none withheld.
 */
export type AuditEntry = ApiSchemas['AuditEntryResponse'] & {
  withheldFields?: string[];
  contentWithheld?: boolean;
};
export type AuditPage = Omit<ApiSchemas['AuditPageResponse'], 'items'> & { items: AuditEntry[] };
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
