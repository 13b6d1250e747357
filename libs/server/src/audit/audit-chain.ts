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

/** The fields of an entry before the chain gives it its number. */
export type UnnumberedFields = Omit<ChainedFields, 'seq'>;

/**
 * The canonical JSON of an entry without its `seq`, as the api sends it to `audit_append`. `seq`
 * sorts after every other key, so the full canonical row is this text closed by `withSeq`.
 */
export function canonicalWithoutSeq(entry: UnnumberedFields): string {
  return canonicalJson({ ...entry } as unknown as JsonValue);
}

/** The canonical row: the entry's text with `,"seq":"N"` before its closing brace (as in SQL). */
function withSeq(canonicalEntry: string, seq: string): string {
  return `${canonicalEntry.slice(0, -1)},"seq":${JSON.stringify(seq)}}`;
}

/** hash = sha256(prev_hash ‖ canonical row), hex. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const { seq, ...entry } = row;
  const canonical = withSeq(canonicalWithoutSeq(entry), seq);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
