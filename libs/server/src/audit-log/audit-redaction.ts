import { subject } from '@casl/ability';
import type { AppAbility, JsonValue } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { abilityToSql, type SqlFieldMap } from '../authorization/rules-to-sql.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import { isUuid } from '../common/ids.js';
import type { RequestContext } from '../common/request-context.js';
import { ITEM_SQL_FIELDS, SOURCE_SQL_FIELDS } from '../information/item-access.sql.js';
import { readableIds, type RedactableKind } from './audit-log.store.js';

/** The part of an audit row that decides what its reader may see. */
export interface RedactableEntry {
  actor_id: string | null;
  entity: string;
  entity_id: string | null;
  case_id: string | null;
  diff: JsonValue;
}

/** What a reader sees of an entry's diff. */
export interface RedactedDiff {
  diff: Record<string, JsonValue>;
  withheldFields: string[];
  contentWithheld: boolean;
}

/**
 * Records whose reading is decided in SQL by the reader's abilities, and how (the fields are
 * written over the aliases `readableIds` gives their tables: `c`, `i`, `s`).
 */
type SqlKind = RedactableKind;
const SQL_RECORDS: Record<
  SqlKind,
  { subject: 'Case' | 'InformationItem' | 'Source'; fields: SqlFieldMap }
> = {
  case: { subject: 'Case', fields: CASE_SQL_FIELDS },
  information_item: { subject: 'InformationItem', fields: ITEM_SQL_FIELDS },
  source: { subject: 'Source', fields: SOURCE_SQL_FIELDS },
};

/** Entities that belong to a case and are read through it (the entry's case id). */
const CASE_OWNED = new Set([
  'case',
  'risk_assessment',
  'comment',
  'recommendation',
  'engagement',
  'document',
  'endorsement',
]);

/** Diff fields that name other records: shown only when the reader may read every one named. */
const REFERENCE_FIELDS: Record<string, SqlKind> = { sourceId: 'source', caseIds: 'case' };

/** One record an entry is about, or refers to in its diff. */
interface RecordRef {
  kind: SqlKind;
  id: string;
}

/**
 * Redaction of the audit log when it is read, never by rewriting it (the chain and its hashes stay
 * as written): each entry's values are shown only to a reader who may read its record now, with
 * the same abilities as the record's own routes (clearance and need to know included), and a
 * field naming a source or case is shown only if the reader may read each one it names. Anything
 * this does not know how to check is withheld: deny by default.
 */
export async function redactEntries(
  db: DataSource,
  context: RequestContext,
  rows: readonly RedactableEntry[],
): Promise<RedactedDiff[]> {
  const wanted: RecordRef[] = [];
  for (const row of rows) {
    const own = sqlRecordOf(row);
    if (own) wanted.push(own);
    for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
      for (const id of idsIn(diffOf(row)[field])) wanted.push({ kind, id });
    }
  }
  const readable = await readableRecords(db, context.ability, wanted);
  const mayRead = (ref: RecordRef) => readable.has(`${ref.kind}:${ref.id}`);

  return rows.map((row) => {
    const diff = diffOf(row);
    const own = sqlRecordOf(row);
    const recordReadable = own ? mayRead(own) : readsWithoutSql(context, row);
    if (!recordReadable) {
      return { diff: {}, withheldFields: Object.keys(diff), contentWithheld: true };
    }
    const shown: Record<string, JsonValue> = {};
    const withheldFields: string[] = [];
    for (const [field, value] of Object.entries(diff)) {
      const kind = REFERENCE_FIELDS[field];
      if (kind && !idsIn(value).every((id) => mayRead({ kind, id }))) withheldFields.push(field);
      else shown[field] = value;
    }
    return { diff: shown, withheldFields, contentWithheld: false };
  });
}

/** The record an entry is about when SQL decides who reads it; null for the other kinds. */
function sqlRecordOf(row: RedactableEntry): RecordRef | null {
  if (CASE_OWNED.has(row.entity)) {
    const caseId = row.case_id ?? (row.entity === 'case' ? row.entity_id : null);
    return caseId && isUuid(caseId) ? { kind: 'case', id: caseId } : null;
  }
  if ((row.entity === 'information_item' || row.entity === 'source') && row.entity_id) {
    return isUuid(row.entity_id) ? { kind: row.entity, id: row.entity_id } : null;
  }
  return null;
}

/**
 * People, organisations and notifications are read by the rules on those subjects; an entry
 * about no one record (an export's filter, "mark all read") by the person who made it; anything
 * else by nobody.
 */
function readsWithoutSql(context: RequestContext, row: RedactableEntry): boolean {
  const ability = context.ability;
  const me = context.actor?.id ?? null;
  switch (row.entity) {
    case 'user':
      // With no id (a failed sign-in for an unknown address): whoever may read every account.
      return ability.can('read', subject('User', { id: row.entity_id ?? '', organisationId: '' }));
    case 'organisation':
      return ability.can('read', subject('Organisation', { id: row.entity_id ?? '' }));
    case 'notification':
      // Marking one's own notifications read: an account's activity, read as that account is.
      return ability.can('read', subject('User', { id: row.actor_id ?? '', organisationId: '' }));
    case 'information_item':
      // An export: its filter (the words searched) is its author's.
      return row.entity_id === null && me !== null && row.actor_id === me;
    default:
      return false;
  }
}

/** Which of `refs` the reader may read, as "kind:id" keys: one query per kind. */
async function readableRecords(
  db: DataSource,
  ability: AppAbility,
  refs: readonly RecordRef[],
): Promise<Set<string>> {
  const readable = new Set<string>();
  for (const kind of Object.keys(SQL_RECORDS) as SqlKind[]) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    if (ids.length === 0) continue;
    const record = SQL_RECORDS[kind];
    const acl = abilityToSql(ability, 'read', record.subject, record.fields);
    for (const id of await readableIds(db, kind, acl, ids)) readable.add(`${kind}:${id}`);
  }
  return readable;
}

function diffOf(row: RedactableEntry): Record<string, JsonValue> {
  const diff = row.diff;
  return typeof diff === 'object' && diff !== null && !Array.isArray(diff) ? diff : {};
}

/** Every UUID anywhere in a diff value (a string, `{ from, to }`, `{ added, removed }`, lists). */
function idsIn(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return isUuid(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(idsIn);
  return [];
}
