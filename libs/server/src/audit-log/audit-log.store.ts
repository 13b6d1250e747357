import type { SqlCondition } from '../authorization/rules-to-sql.js';
import type { AuditRow } from '../audit/audit-chain.store.js';
import { type Db, namedQuery } from '../database/named-query.js';

/** Filters on accountability fields of the audit log (each optional). */
export interface AuditFilters {
  action?: string;
  entity?: string;
  entityId?: string;
  actorId?: string;
  /** Instants (ISO), `from` included, `to` excluded. */
  from?: string;
  to?: string;
  /** Entries older than this seq only (the previous page's last). */
  beforeSeq?: string;
}

/**
 * Audit entries matching `filters`, newest first, with the actor's e-mail: `limit` of them and
 * one more, which tells the caller whether another page follows.
 */
export async function listAuditEntries(
  db: Db,
  filters: AuditFilters,
  limit: number,
): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filters.action) add('a.action = ?', filters.action);
  if (filters.entity) add('a.entity = ?', filters.entity);
  if (filters.entityId) add('a.entity_id = ?', filters.entityId);
  if (filters.actorId) add('a.actor_id = ?', filters.actorId);
  if (filters.from) add('a.at >= ?', filters.from);
  if (filters.to) add('a.at < ?', filters.to);
  if (filters.beforeSeq) add('a.seq < ?', filters.beforeSeq);
  params.push(limit + 1);
  return (await db.query(
    `SELECT a.*, u.email AS actor_email FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.seq DESC LIMIT $${params.length}`,
    params,
  )) as AuditRow[];
}

/** Records whose reading is decided in SQL, by the table (with its alias) they are rows of. */
export type RedactableKind = 'case' | 'information_item' | 'source';
const RECORD_TABLES: Record<RedactableKind, { table: string; alias: string }> = {
  case: { table: 'cases', alias: 'c' },
  information_item: { table: 'information_items', alias: 'i' },
  source: { table: 'sources', alias: 's' },
};

/** Which of `ids` (records of one kind) `acl`, written over that kind's alias, lets through. */
export async function readableIds(
  db: Db,
  kind: RedactableKind,
  acl: SqlCondition,
  ids: readonly string[],
): Promise<string[]> {
  const { table, alias } = RECORD_TABLES[kind];
  const rows = await namedQuery<{ id: string }>(
    db,
    `SELECT ${alias}.id FROM ${table} ${alias} WHERE ${alias}.id = ANY(:ids::uuid[]) AND ${acl.sql}`,
    { ...acl.params, ids },
  );
  return rows.map((row) => row.id);
}
