import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import {
  caseEventsAfter,
  type CaseEventInput,
  insertCaseEvent,
  nextCaseEventSeq,
} from './case-events.store.js';
import { CaseEventResponse } from './dto/case-event.response.js';

export type { CaseEventInput } from './case-events.store.js';

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
    const seq = await nextCaseEventSeq(manager, caseId);
    if (seq === undefined) throw new DomainError('not_found', 'No such case.');
    await this.insert(manager, context, caseId, seq, event);
    return seq;
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
    await insertCaseEvent(manager, caseId, seq, context.actor?.id ?? null, event);
  }

  /** Events after `afterSeq`, oldest first (the caller has checked the case is readable). */
  async list(
    caseId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ items: CaseEventResponse[]; nextCursor: string | null }> {
    const rows = await caseEventsAfter(this.db, caseId, afterSeq, limit + 1);
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
