import type { EntityManager } from 'typeorm';

/** What a person creates that has a budget of its own. */
export type CreationKind = 'case' | 'item' | 'attachment' | 'proposal';

/** The table a kind's creations are rows of, and the column naming who created each. */
const CREATIONS: Record<CreationKind, { table: string; creator: string }> = {
  case: { table: 'cases', creator: 'created_by' },
  item: { table: 'information_items', creator: 'created_by' },
  attachment: { table: 'information_item_attachments', creator: 'created_by' },
  proposal: { table: 'escalation_requests', creator: 'proposed_by' },
};

/**
 * Takes a person's budget lock for one kind (transaction-scoped advisory lock on `key`): their
 * concurrent creations of that kind queue behind it.
 */
export async function lockBudget(m: EntityManager, key: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/**
 * How many of a person's creations of a kind fall in the last minute and the last hour, counting
 * only the `newest` most recent (enough to tell whether either budget is spent).
 */
export async function recentCreations(
  m: EntityManager,
  kind: CreationKind,
  personId: string,
  newest: number,
): Promise<{ minute: number; hour: number } | undefined> {
  const sql = CREATIONS[kind];
  const [counts] = (await m.query(
    `SELECT count(*) FILTER (WHERE created_at > now() - interval '1 minute')::int AS minute,
              count(*)::int AS hour
       FROM (SELECT created_at FROM ${sql.table}
             WHERE ${sql.creator} = $1 AND created_at > now() - interval '1 hour'
             ORDER BY created_at DESC LIMIT $2) recent`,
    [personId, newest],
  )) as { minute: number; hour: number }[];
  return counts;
}

/**
 * Whole seconds (at least 1) until the person's creation of a kind that is `offset` from the
 * newest leaves a window of `windowSeconds`; undefined when there is no such creation.
 */
export async function secondsUntilLeavesWindow(
  m: EntityManager,
  kind: CreationKind,
  personId: string,
  offset: number,
  windowSeconds: number,
): Promise<number | undefined> {
  const sql = CREATIONS[kind];
  const [edge] = (await m.query(
    `SELECT GREATEST(1, ceil(extract(epoch FROM created_at + make_interval(secs => $3) - now())))::int AS wait
         FROM ${sql.table} WHERE ${sql.creator} = $1
         ORDER BY created_at DESC OFFSET $2 LIMIT 1`,
    [personId, offset, windowSeconds],
  )) as { wait: number }[];
  return edge?.wait;
}
