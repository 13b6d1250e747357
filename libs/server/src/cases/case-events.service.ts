import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue, type Stage } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { queryRows } from '../database/named-query.js';
import { CaseEventResponse } from './dto/case-event.response.js';

/** One entry of a case's history, as recorded. */
export interface CaseEventInput {
  type: string;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  payload?: Record<string, JsonValue>;
}

interface CaseEventRow {
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

/** The append-only timeline of each case (case_events). */
@Injectable()
export class CaseEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends inside the caller's transaction; returns the case's new sequence number. */
  async record(
    manager: EntityManager,
    context: RequestContext,
    caseId: string,
    event: CaseEventInput,
  ): Promise<number> {
    const [row] = await queryRows<{ last_event_seq: number }>(
      manager,
      'UPDATE cases SET last_event_seq = last_event_seq + 1 WHERE id = $1 RETURNING last_event_seq',
      [caseId],
    );
    if (!row) throw new DomainError('not_found', 'No such case.');
    await this.insert(manager, context, caseId, row.last_event_seq, event);
    return row.last_event_seq;
  }

  /**
   * Writes the entry at `seq`, when the caller already advanced `cases.last_event_seq`, and its
   * copy in the outbox in the same statement: the live feed relays it once the transaction commits.
   */
  async insert(
    manager: EntityManager,
    context: RequestContext,
    caseId: string,
    seq: number,
    event: CaseEventInput,
  ): Promise<void> {
    await manager.query(
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
        context.actor?.id ?? null,
        event.fromStage ?? null,
        event.toStage ?? null,
        JSON.stringify(event.payload ?? {}),
      ],
    );
  }

  /** Events after `afterSeq`, oldest first (the caller has checked the case is readable). */
  async list(
    caseId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ items: CaseEventResponse[]; nextCursor: string | null }> {
    const rows = (await this.db.query(
      `SELECT e.*, u.display_name AS actor_name FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.case_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
      [caseId, afterSeq, limit + 1],
    )) as CaseEventRow[];
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return {
      items: page.map((r) => ({
        seq: r.seq,
        type: r.type,
        actorId: r.actor_id,
        actorName: r.actor_name,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        payload: publicPayload(r.payload),
        at: r.at.toISOString(),
      })),
      nextCursor: more ? String(page[page.length - 1]?.seq ?? afterSeq) : null,
    };
  }
}

// Workflow events keep the facts they were judged on (for replay); the timeline shows the rest.
function publicPayload(payload: Record<string, JsonValue>): Record<string, JsonValue> {
  const { workflowEvent: _event, ...rest } = payload;
  return rest;
}
