import type { JsonValue } from '@vigil/domain';
import type { Db } from '../database/named-query.js';

/** A row of the outbox: what to deliver live, to a case's room or to one person. */
export interface OutboxRow {
  id: string;
  topic: 'case_event' | 'notification' | 'access';
  case_id: string | null;
  user_id: string | null;
  payload: Record<string, JsonValue>;
}

/** Outbox rows are kept this long (for inspection and late pollers), then deleted. */
const KEEP = '1 hour';

/** The outbox rows with these ids (announced by NOTIFY), in order. */
export async function outboxRowsByIds(db: Db, ids: string[]): Promise<OutboxRow[]> {
  return (await db.query(
    `SELECT id, topic, case_id, user_id, payload FROM outbox_events
     WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  )) as OutboxRow[];
}

/** The outbox rows written in the last `seconds`, in order. */
export async function recentOutboxRows(db: Db, seconds: number): Promise<OutboxRow[]> {
  return (await db.query(
    `SELECT id, topic, case_id, user_id, payload FROM outbox_events
     WHERE created_at > now() - make_interval(secs => $1) ORDER BY id`,
    [seconds],
  )) as OutboxRow[];
}

/** Deletes the outbox rows older than they are kept. */
export async function pruneOutbox(db: Db): Promise<void> {
  await db.query(`DELETE FROM outbox_events WHERE created_at < now() - interval '${KEEP}'`);
}
