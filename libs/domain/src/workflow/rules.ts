import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from './config.js';
import type { PendingProposal, WorkflowContext, WorkflowEvent, WorkflowFacts } from './events.js';
import {
  ACTIVE_STAGES,
  isActiveStage,
  isStage,
  isWorkflowEventType,
  stageRank,
  type Stage,
} from './stages.js';

// The rules of docs/architecture.md §7 as plain functions. The machine's guards call
// `refusalReason`, so the reason a user reads and the decision the machine takes cannot drift
// apart.

/** A configured count below one would let a proposal pass unseen: four eyes means at least one. */
function atLeastOne(count: number): number {
  return Number.isFinite(count) ? Math.max(1, Math.ceil(count)) : 1;
}

/** Approvals needed to move from one stage to another (0 when no approval applies: reopening, no move). */
export function approvalsRequired(
  fromStage: Stage,
  toStage: Stage,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): number {
  if (fromStage === toStage) return 0;
  if (toStage === 'closed') return atLeastOne(config.approvalsRequired.closed);
  if (fromStage === 'closed') return 0;
  if (toStage === 'monitoring' || stageRank(toStage) < stageRank(fromStage)) {
    return atLeastOne(config.approvalsRequired.deescalation);
  }
  return atLeastOne(config.approvalsRequired[toStage]);
}

/** Days until the next review from entering or reviewing in `stage` (null for closed). */
export function reviewIntervalDays(
  stage: Stage,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): number | null {
  return isActiveStage(stage) ? config.reviewIntervalDays[stage] : null;
}

/** Whether a move goes up the ladder (only escalations are guarded by facts). */
export function isEscalation(fromStage: Stage, toStage: Stage): boolean {
  return (
    isActiveStage(fromStage) && isActiveStage(toStage) && stageRank(toStage) > stageRank(fromStage)
  );
}

/** Why the facts do not support escalating into `toStage`, or null if they do. */
export function factsRefusal(
  toStage: Stage,
  facts: WorkflowFacts,
  config: WorkflowConfig,
): string | null {
  switch (toStage) {
    case 'alert': {
      const age = facts.latestFinalisedAssessmentAgeDays;
      const maxAge = config.assessmentMaxAgeDays;
      return age !== null && age < maxAge
        ? null
        : `Escalation to alert needs a finalised risk assessment less than ${maxAge} days old.`;
    }
    case 'recommendation':
      return facts.openRecommendations >= 1
        ? null
        : 'Escalation to recommendation needs at least one recommendation that is not declined.';
    case 'mobilisation':
      return facts.transmittedRecommendations >= 1
        ? null
        : 'Escalation to mobilisation needs at least one transmitted recommendation.';
    default:
      return null;
  }
}

/** Whether one more approval would be the last one the pending proposal needs. */
export function isFinalApproval(context: WorkflowContext, pending: PendingProposal): boolean {
  return (
    pending.approvals.length + 1 >=
    approvalsRequired(pending.fromStage, pending.toStage, context.config)
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Facts arrive from the server's queries; refuse rather than guess when they are malformed. */
function validFacts(facts: unknown): facts is WorkflowFacts {
  if (typeof facts !== 'object' || facts === null) return false;
  const f = facts as Record<string, unknown>;
  const age = f['latestFinalisedAssessmentAgeDays'];
  return (
    (age === null || isCount(age)) &&
    isCount(f['openRecommendations']) &&
    isCount(f['transmittedRecommendations'])
  );
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function proposalRefusal(
  context: WorkflowContext,
  proposalId: unknown,
  toStage: unknown,
  facts: unknown,
): string | null {
  if (context.pending !== null) return 'A proposal is already pending on this case.';
  if (!nonEmptyString(proposalId)) return 'The proposal has no id.';
  if (!isStage(toStage)) return `Unknown stage: ${String(toStage)}.`;
  if (!validFacts(facts)) return 'The facts about the case are missing or malformed.';
  const from = context.stage;
  if (toStage === from) return `The case is already in ${from}.`;
  if (toStage === 'closed')
    return from === 'monitoring' ? null : 'A case can be closed only from monitoring.';
  if (!isActiveStage(from)) return 'The case is closed.';
  const rankFrom = stageRank(from);
  if (stageRank(toStage) > rankFrom + 1) {
    return `Cannot skip a stage: from ${from} the next stage up is ${ACTIVE_STAGES[rankFrom + 1]}.`;
  }
  return isEscalation(from, toStage) ? factsRefusal(toStage, facts, context.config) : null;
}

/** Why `event` is refused in `context` (words a user can read), or null if it is accepted. */
export function refusalReason(context: WorkflowContext, event: WorkflowEvent): string | null {
  // The event is typed, but it is built from requests: check what the types cannot promise.
  const raw = event as unknown as Record<string, unknown>;
  const type = raw['type'];
  if (!isWorkflowEventType(type)) return `Unknown event: ${String(type)}.`;
  const actorId = raw['actorId'];
  if (!nonEmptyString(actorId)) return 'The event names no actor.';
  if (type === 'REOPEN')
    return context.stage === 'closed' ? null : 'Only a closed case can be reopened.';
  if (context.stage === 'closed') return 'The case is closed.';

  const pending = context.pending;
  switch (type) {
    case 'RECORD_REVIEW':
      return null;
    case 'PROPOSE':
      return proposalRefusal(context, raw['proposalId'], raw['toStage'], raw['facts']);
    case 'CLOSE':
      return proposalRefusal(context, raw['proposalId'], 'closed', raw['facts']);
    case 'APPROVE': {
      if (pending === null) return 'There is no pending proposal.';
      if (actorId === pending.proposerId) return 'You cannot approve your own proposal.';
      if (pending.approvals.includes(actorId)) return 'You have already approved this proposal.';
      if (!validFacts(raw['facts'])) return 'The facts about the case are missing or malformed.';
      // Facts may have changed since the proposal: check them again when the move would happen.
      if (isFinalApproval(context, pending) && isEscalation(pending.fromStage, pending.toStage)) {
        return factsRefusal(pending.toStage, raw['facts'], context.config);
      }
      return null;
    }
    case 'REJECT':
      if (pending === null) return 'There is no pending proposal.';
      return actorId === pending.proposerId
        ? 'You cannot reject your own proposal; withdraw it instead.'
        : null;
    case 'WITHDRAW':
      if (pending === null) return 'There is no pending proposal.';
      return actorId === pending.proposerId ? null : 'Only the proposer can withdraw a proposal.';
  }
}
