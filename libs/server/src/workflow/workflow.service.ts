import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  acceptedEventTypes,
  applyWorkflowEvent,
  describeWorkflow,
  DomainError,
  proposableStages,
  reviewIntervalDays,
  type Action,
  type JsonValue,
  type WorkflowEvent,
  type WorkflowEventType,
  type WorkflowFacts,
  type WorkflowStep,
} from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { caseSubject, type CaseRow } from '../cases/case.store.js';
import { CasesService } from '../cases/cases.service.js';
import type { WorkflowResponse } from './dto/workflow.response.js';
import { WorkflowFactsProvider } from './workflow-facts.provider.js';
import { writeWorkflowStep } from './workflow.store.js';

/** The ability each workflow event needs on the case (the machine adds its own rules). */
export const EVENT_ACTION: Record<WorkflowEventType, Action> = {
  PROPOSE: 'propose',
  CLOSE: 'propose',
  APPROVE: 'approve',
  REJECT: 'approve',
  WITHDRAW: 'read',
  RECORD_REVIEW: 'review',
  REOPEN: 'reopen',
};

// Timeline entry type for an accepted event.
function eventType(event: WorkflowEvent, step: WorkflowStep): string {
  switch (event.type) {
    case 'PROPOSE':
    case 'CLOSE':
      return 'escalation.proposed';
    case 'APPROVE':
      return step.transitioned ? 'case.transitioned' : 'escalation.approval_recorded';
    case 'REJECT':
      return 'escalation.rejected';
    case 'WITHDRAW':
      return 'escalation.withdrawn';
    case 'RECORD_REVIEW':
      return 'case.reviewed';
    case 'REOPEN':
      return 'case.transitioned';
  }
}

/** The result of an accepted workflow event, once written. */
export interface AppliedEvent {
  step: WorkflowStep;
  seq: number;
  type: string;
  /** The case row as the event left it (snapshot, version, review date). */
  after: CaseRow;
}

/**
 * Sends workflow events to a case's statechart with full persistence (docs/architecture.md §7):
 * the case row is locked by the caller, the machine restored from `workflow_snapshot`, and
 * snapshot, stage, version, review date, a timeline row and an audit row are written in the
 * caller's transaction.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly facts: WorkflowFactsProvider,
    private readonly events: CaseEventsService,
    private readonly audit: AuditService,
  ) {}

  /** Loads the facts for a case inside the transaction. */
  loadFacts(manager: EntityManager, caseId: string) {
    return this.facts.load(manager, caseId);
  }

  /** Applies `event` to the locked `row`; refuses with 409 and the machine's reason. */
  async apply(
    manager: EntityManager,
    context: RequestContext,
    row: CaseRow,
    event: WorkflowEvent,
    note?: string,
  ): Promise<AppliedEvent> {
    const { step, snapshot } = applyWorkflowEvent(row.workflow_snapshot ?? null, event);
    if (!step.accepted)
      throw new DomainError('not_allowed_now', step.reason ?? 'This is not allowed now.');
    const resetReview = step.transitioned || event.type === 'RECORD_REVIEW';
    // One statement moves the stage, the version, the review clock and the timeline sequence.
    const updated = await writeWorkflowStep(manager, row.id, {
      snapshot,
      stage: step.after.stage,
      subState: step.after.subState,
      resetReview,
      reviewIntervalDays: reviewIntervalDays(step.after.stage) ?? 0,
    });
    if (!updated) throw new DomainError('not_found', 'No such case.');
    const type = eventType(event, step);
    const target =
      event.type === 'PROPOSE' ? event.toStage : event.type === 'CLOSE' ? 'closed' : null;
    const payload: Record<string, JsonValue> = {
      workflowEvent: event as unknown as JsonValue,
      ...(target ? { targetStage: target } : {}),
      ...(note ? { note } : {}),
      ...(step.pending ? { proposalId: step.pending.proposalId } : {}),
    };
    const seq = updated.last_event_seq;
    await this.events.insert(manager, context, row.id, seq, {
      type,
      fromStage: step.before.stage,
      toStage: step.after.stage,
      payload,
    });
    this.audit.append(manager, context, {
      action: `case.workflow.${event.type.toLowerCase()}`,
      entity: 'case',
      entityId: row.id,
      caseId: row.id,
      diff: {
        from: `${step.before.stage}.${step.before.subState}`,
        to: `${step.after.stage}.${step.after.subState}`,
        ...(note ? { note } : {}),
      },
    });
    return {
      step,
      seq,
      type,
      after: {
        ...row,
        workflow_snapshot: snapshot,
        version: updated.version,
        next_review_due: updated.next_review_due,
      },
    };
  }

  /** Records a periodic review (RECORD_REVIEW) with a note; resets the review clock. */
  async recordReview(
    context: RequestContext,
    caseId: string,
    note: string,
  ): Promise<WorkflowResponse> {
    return this.db.transaction(async (m) => {
      const row = await this.cases.loadCase(m, context, caseId, 'review', true);
      const facts = await this.facts.load(m, caseId);
      const event = { type: 'RECORD_REVIEW' as const, actorId: actorId(context) };
      const result = await this.apply(m, context, row, event, note);
      return this.present(context, result.after, facts);
    });
  }

  /** Reopens a closed case (advisers). */
  async reopen(context: RequestContext, caseId: string, note: string): Promise<WorkflowResponse> {
    return this.db.transaction(async (m) => {
      const row = await this.cases.loadCase(m, context, caseId, 'reopen', true);
      const facts = await this.facts.load(m, caseId);
      const result = await this.apply(
        m,
        context,
        row,
        { type: 'REOPEN', actorId: actorId(context) },
        note,
      );
      return this.present(context, result.after, facts);
    });
  }

  /** Stage, sub-state, pending proposal and the events this caller may send now. */
  async describe(context: RequestContext, caseId: string): Promise<WorkflowResponse> {
    const row = await this.cases.loadCase(this.db.manager, context, caseId);
    return this.present(context, row, await this.facts.load(this.db.manager, caseId));
  }

  private present(context: RequestContext, row: CaseRow, facts: WorkflowFacts): WorkflowResponse {
    const snapshot = row.workflow_snapshot ?? null;
    const position = describeWorkflow(snapshot);
    const me = actorId(context);
    const allowedBy = (type: WorkflowEventType) =>
      context.ability.can(EVENT_ACTION[type], subject('Case', caseSubject(row)));
    return {
      caseId: row.id,
      stage: position.stage,
      subState: position.subState,
      version: row.version,
      pendingEscalationId: position.pending?.proposalId ?? null,
      allowedEvents: acceptedEventTypes(snapshot, me, facts).filter(allowedBy),
      proposableStages: allowedBy('PROPOSE') ? proposableStages(snapshot, me, facts) : [],
      nextReviewDue: row.next_review_due?.toISOString() ?? null,
    };
  }
}
