import type { JsonValue, Stage } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { queryRows, type Db } from '../database/named-query.js';

/** One entry of a case's history, as recorded. */
export interface CaseEventInput {
  type: string;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  payload?: Record<string, JsonValue>;
}

/** A timeline entry with the display name of whoever caused it. */
export interface CaseEventRow {
  case_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  actor_name: string | null;
  from_stage: Stage | null;
  to_stage: Stage | null;
  payload: Record<string, JsonValue>;
  at: Date;
}

/**
 * Advances the case's timeline counter and answers the new sequence number (undefined when the
 * case does not exist). The case row stays locked until the caller's transaction ends.
 */
export async function nextCaseEventSeq(
  m: EntityManager,
  caseId: string,
): Promise<number | undefined> {
  const [row] = await queryRows<{ last_event_seq: number }>(
    m,
    'UPDATE cases SET last_event_seq = last_event_seq + 1 WHERE id = $1 RETURNING last_event_seq',
    [caseId],
  );
  return row?.last_event_seq;
}

/**
 * Writes the entry at `seq` and its copy in the outbox in one statement: the live feed relays it
 * once the transaction commits.
 */
export async function insertCaseEvent(
  m: EntityManager,
  caseId: string,
  seq: number,
  actorId: string | null,
  event: CaseEventInput,
): Promise<void> {
  await m.query(
    `WITH e AS (
       INSERT INTO case_events (case_id, seq, type, actor_id, from_stage, to_stage, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     INSERT INTO outbox_events (topic, case_id, payload)
     SELECT 'case_event', e.case_id, jsonb_build_object('seq', e.seq, 'type', e.type,
       'actorId', e.actor_id, 'fromStage', e.from_stage, 'toStage', e.to_stage,
       'payload', e.payload, 'at', e.at) FROM e`,
    [
      caseId,
      seq,
      event.type,
      actorId,
      event.fromStage ?? null,
      event.toStage ?? null,
      JSON.stringify(event.payload ?? {}),
    ],
  );
}

/** Up to `limit` entries of a case after `afterSeq`, oldest first. */
export async function caseEventsAfter(
  db: Db,
  caseId: string,
  afterSeq: number,
  limit: number,
): Promise<CaseEventRow[]> {
  return (await db.query(
    `SELECT e.*, u.display_name AS actor_name FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.case_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
    [caseId, afterSeq, limit],
  )) as CaseEventRow[];
}
