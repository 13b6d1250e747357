import { canonicalJson, type JsonValue } from '@vigil/domain';
import { createHash } from 'node:crypto';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers, in the form they are stored. */
export interface ChainedFields {
  seq: string;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  caseId: string | null;
  diff: JsonValue;
  requestId: string | null;
}

/** hash = sha256(prev_hash ‖ canonical row), hex. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = canonicalJson({ ...row } as unknown as JsonValue);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
