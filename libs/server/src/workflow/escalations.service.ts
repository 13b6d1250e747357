import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  approvalsRequired,
  DomainError,
  type CaseSubject,
  type WorkflowEvent,
} from '@vigil/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { type Page, toPage } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import { CasesService } from '../cases/cases.service.js';
import { isUuid } from '../common/ids.js';
import { CreationBudgets } from '../limits/creation-budgets.js';
import type {
  EscalationResponse,
  ListEscalationsQueryDto,
  ProposeEscalationDto,
} from './dto/escalation.dto.js';
import { EscalationNotifier } from './escalation-notifier.js';
import {
  closeEscalation,
  escalationCaseId,
  escalationPage,
  type EscalationRow,
  escalationState,
  findEscalationRow,
  insertEscalation,
  recordEscalationApprovals,
} from './escalations.store.js';
import { WorkflowService } from './workflow.service.js';
import { statusInbox } from '../common/status-inbox.sql.js';

type Decision = 'approve' | 'reject' | 'withdraw';

/** Proposals to move a case and their four-eyes decisions (docs/architecture.md §7). */
@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly workflow: WorkflowService,
    private readonly notifier: EscalationNotifier,
    private readonly budgets: CreationBudgets,
  ) {}

  /** A member analyst or an adviser proposes; `closed` proposes closing the case. */
  async propose(
    context: RequestContext,
    caseId: string,
    dto: ProposeEscalationDto,
  ): Promise<EscalationResponse> {
    const proposalId = randomUUID();
    await this.db.transaction(async (m) => {
      const row = await this.cases.loadCase(m, context, caseId, 'propose', true);
      const me = actorId(context);
      await this.budgets.spend(m, me, 'proposal');
      const facts = await this.workflow.loadFacts(m, caseId);
      const event: WorkflowEvent =
        dto.toStage === 'closed'
          ? { type: 'CLOSE', proposalId, actorId: me, facts }
          : { type: 'PROPOSE', proposalId, toStage: dto.toStage, actorId: me, facts };
      await this.workflow.apply(m, context, row, event, dto.justification);
      await insertEscalation(m, {
        id: proposalId,
        caseId,
        fromStage: row.stage,
        toStage: dto.toStage,
        justification: dto.justification,
        proposedBy: me,
        approvalsRequired: approvalsRequired(row.stage, dto.toStage),
      });
      await this.notifier.proposed(m, {
        escalationId: proposalId,
        caseId,
        reference: row.reference,
        classification: row.classification,
        toStage: dto.toStage,
        proposerId: me,
        proposerName: context.actor?.displayName ?? '',
      });
    });
    return this.get(context, proposalId);
  }

  /** Approve (an adviser who did not propose it), reject (likewise) or withdraw (the proposer). */
  async decide(
    context: RequestContext,
    escalationId: string,
    decision: Decision,
    note: string | undefined,
  ): Promise<EscalationResponse> {
    const caseId = await this.caseOf(context, escalationId);
    await this.db.transaction(async (m) => {
      const action = decision === 'withdraw' ? 'read' : 'approve';
      const row = await this.cases.loadCase(m, context, caseId, action, true);
      // Read again under the case lock: a concurrent decision may have settled it.
      const current = await escalationState(m, escalationId);
      if (!current || current.status !== 'pending') {
        throw new DomainError(
          'not_allowed_now',
          `This proposal is no longer pending: it was ${current?.status ?? 'removed'}.`,
        );
      }
      const me = actorId(context);
      // Never allowed to anyone else, whatever the state: forbidden (403), not "not now" (409).
      if (decision === 'withdraw' && current.proposed_by !== me) {
        throw new DomainError('forbidden', 'Only the proposer can withdraw a proposal.');
      }
      const facts = await this.workflow.loadFacts(m, caseId);
      const event: WorkflowEvent =
        decision === 'approve'
          ? { type: 'APPROVE', actorId: me, facts }
          : decision === 'reject'
            ? { type: 'REJECT', actorId: me }
            : { type: 'WITHDRAW', actorId: me };
      const result = await this.workflow.apply(m, context, row, event, note);
      const settled = result.step.pending === null;
      await this.recordDecision(
        m,
        context,
        escalationId,
        decision,
        note,
        settled,
        current.approvals,
      );
      // Nobody awaits a proposal withdrawn or settled: its "awaiting your approval" goes.
      if (decision === 'withdraw' || settled) await this.notifier.withdrawn(m, escalationId);
      // Approvals short of the number needed and withdrawals tell the proposer nothing new.
      if (settled && decision !== 'withdraw') {
        await this.notifier.decided(m, {
          escalationId,
          caseId,
          reference: row.reference,
          toStage: current.to_stage,
          proposerId: current.proposed_by,
          decision: decision === 'approve' ? 'approved' : 'rejected',
          deciderName: context.actor?.displayName ?? '',
        });
      }
    });
    return this.get(context, escalationId);
  }

  async get(context: RequestContext, id: string): Promise<EscalationResponse> {
    const row = isUuid(id) ? await findEscalationRow(this.db, id) : undefined;
    if (!row || !context.ability.can('read', subject('Case', subjectOf(row)))) {
      throw new DomainError('not_found', 'No such proposal.');
    }
    return present(row, context);
  }

  /** Proposals on cases the caller may read; pending ones oldest first (the advisers' inbox). */
  async list(
    context: RequestContext,
    query: ListEscalationsQueryDto,
  ): Promise<Page<EscalationResponse>> {
    const inbox = statusInbox(query);
    const acl = abilityToSql(context.ability, 'read', 'Case', CASE_SQL_FIELDS);
    const rows = await escalationPage(this.db, acl, inbox);
    return toPage(
      rows,
      inbox.limit,
      (r) => present(r, context),
      (r) => [r.created_key, r.id],
    );
  }

  private async caseOf(context: RequestContext, escalationId: string): Promise<string> {
    const caseId = isUuid(escalationId) ? await escalationCaseId(this.db, escalationId) : undefined;
    if (!caseId) throw new DomainError('not_found', 'No such proposal.');
    // A proposal on a case hidden from the caller reads exactly as a missing one.
    await this.cases.loadCase(this.db.manager, context, caseId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'not_found')
        throw new DomainError('not_found', 'No such proposal.');
      throw error;
    });
    return caseId;
  }

  private async recordDecision(
    m: EntityManager,
    context: RequestContext,
    id: string,
    decision: Decision,
    note: string | undefined,
    settled: boolean,
    approvals: EscalationRow['approvals'],
  ): Promise<void> {
    const me = actorId(context);
    if (decision === 'approve') {
      const next = [
        ...approvals,
        {
          userId: me,
          displayName: context.actor?.displayName ?? '',
          at: new Date().toISOString(),
          note: note ?? null,
        },
      ];
      await recordEscalationApprovals(m, id, next, settled, me);
      return;
    }
    await closeEscalation(
      m,
      id,
      decision === 'reject' ? 'rejected' : 'withdrawn',
      me,
      note ?? null,
    );
  }
}

function subjectOf(row: EscalationRow): CaseSubject {
  return {
    id: row.case_id,
    classification: row.case_classification,
    leadAnalystId: row.case_lead,
    memberIds: row.member_ids,
    prioritySituation: row.case_priority,
  };
}

function present(row: EscalationRow, context: RequestContext): EscalationResponse {
  const me = context.actor?.id;
  const end = row.decided_at ?? new Date();
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    caseTitle: row.case_title,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    justification: row.justification,
    proposedBy: { id: row.proposed_by, displayName: row.proposer_name },
    status: row.status,
    approvals: row.approvals_shown,
    approvalsRequired: row.approvals_required,
    decidedBy: row.decided_by ? { id: row.decided_by, displayName: row.decider_name ?? '' } : null,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    waitingSeconds: Math.max(0, Math.round((end.getTime() - row.created_at.getTime()) / 1000)),
    canApprove:
      row.status === 'pending' &&
      me !== undefined &&
      me !== row.proposed_by &&
      !row.approvals.some((a) => a.userId === me) &&
      context.ability.can('approve', subject('Case', subjectOf(row))),
  };
}
