import { Injectable } from '@nestjs/common';
import type { Classification, Stage } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service.js';
import { advisersToDecide } from './escalations.store.js';

/** A proposal that now awaits the advisers' decision. */
export interface ProposalNotice {
  escalationId: string;
  caseId: string;
  reference: string;
  classification: Classification;
  toStage: Stage;
  proposerId: string;
  proposerName: string;
}

/** A proposal that was settled (approved with enough approvals, or rejected). */
export interface DecisionNotice {
  escalationId: string;
  caseId: string;
  reference: string;
  toStage: Stage;
  proposerId: string;
  decision: 'approved' | 'rejected';
  deciderName: string;
}

/**
 * Notifications of the four-eyes workflow, written in the caller's transaction so they exist
 * exactly when the proposal or decision does. Payloads never carry the justification or notes.
 */
@Injectable()
export class EscalationNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  /** Every active adviser cleared for the case, except the proposer, may now decide. */
  async proposed(manager: EntityManager, notice: ProposalNotice): Promise<void> {
    const advisers = await advisersToDecide(manager, notice.proposerId, notice.classification);
    await this.notifications.notify(manager, {
      userIds: advisers,
      type: 'escalation.awaiting_approval',
      caseId: notice.caseId,
      payload: {
        escalationId: notice.escalationId,
        reference: notice.reference,
        toStage: notice.toStage,
        proposerName: notice.proposerName,
      },
      dedupeKey: proposalKey(notice.escalationId),
    });
  }

  /** A withdrawn or settled proposal awaits nobody: its "awaiting your approval" notifications go. */
  async withdrawn(manager: EntityManager, escalationId: string): Promise<void> {
    await this.notifications.withdraw(manager, proposalKey(escalationId));
  }

  /** The proposer hears how their proposal was decided. */
  async decided(manager: EntityManager, notice: DecisionNotice): Promise<void> {
    await this.notifications.notify(manager, {
      userIds: [notice.proposerId],
      type: 'escalation.decided',
      caseId: notice.caseId,
      payload: {
        escalationId: notice.escalationId,
        reference: notice.reference,
        toStage: notice.toStage,
        decision: notice.decision,
        deciderName: notice.deciderName,
      },
      dedupeKey: `escalation-decided:${notice.escalationId}`,
    });
  }
}

/** The dedupe key of a proposal's "awaiting your approval" notifications. */
function proposalKey(escalationId: string): string {
  return `escalation-proposed:${escalationId}`;
}
