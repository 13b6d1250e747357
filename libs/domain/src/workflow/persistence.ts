import { createActor, type SnapshotFrom } from 'xstate';
import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from './config.js';
import type { PendingProposal, WorkflowEvent, WorkflowFacts } from './events.js';
import { caseWorkflowMachine } from './machine.js';
import { refusalReason } from './rules.js';
import {
  STAGES,
  WORKFLOW_EVENT_TYPES,
  isActiveStage,
  isStage,
  type Stage,
  type SubState,
  type WorkflowEventType,
} from './stages.js';

// What the server calls: restore an actor from the `workflow_snapshot` column, send one event,
// hand back a summary to record and the new snapshot as plain JSON.

type WorkflowSnapshot = SnapshotFrom<typeof caseWorkflowMachine>;

/** Where a case stands; `closed` has no sub-states and reports `steady`. */
export interface WorkflowPosition {
  stage: Stage;
  subState: SubState;
  pending: PendingProposal | null;
}

/** Outcome summary of sending an event: what the server records. */
export interface WorkflowStep {
  accepted: boolean;
  /** Why the event was refused, or null when accepted. */
  reason: string | null;
  before: { stage: Stage; subState: SubState };
  after: { stage: Stage; subState: SubState };
  /** Whether the stage changed. */
  transitioned: boolean;
  /** The pending proposal after the event. */
  pending: PendingProposal | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPendingProposal(value: unknown): value is PendingProposal {
  return (
    isRecord(value) &&
    typeof value['proposalId'] === 'string' &&
    isStage(value['fromStage']) &&
    isStage(value['toStage']) &&
    typeof value['proposerId'] === 'string' &&
    Array.isArray(value['approvals']) &&
    value['approvals'].every((id) => typeof id === 'string')
  );
}

/** The stage and sub-state a persisted state value names, or null if it names none. */
function positionOfValue(value: unknown): { stage: Stage; subState: SubState } | null {
  if (value === 'closed') return { stage: 'closed', subState: 'steady' };
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const stage = keys[0];
  const subState = value[stage];
  if (!isActiveStage(stage) || (subState !== 'steady' && subState !== 'pending')) return null;
  return { stage, subState };
}

/** A corrupt snapshot is a server fault, not a user's: fail loudly instead of guessing a stage. */
function checkedSnapshot(persisted: unknown, config: WorkflowConfig): Record<string, unknown> {
  const fail = (why: string): never => {
    throw new Error(`Invalid workflow snapshot: ${why}.`);
  };
  if (!isRecord(persisted)) return fail('not an object');
  if (persisted['status'] !== 'active') return fail(`status is ${String(persisted['status'])}`);
  const position = positionOfValue(persisted['value']);
  if (position === null) return fail(`unknown state ${JSON.stringify(persisted['value'])}`);
  const context = persisted['context'];
  if (!isRecord(context)) return fail('no context');
  if (context['stage'] !== position.stage) return fail('the context stage differs from the state');
  const pending = context['pending'];
  if (position.subState === 'pending' ? !isPendingProposal(pending) : pending !== null) {
    return fail('the pending proposal does not match the state');
  }
  // The configuration in force now applies, not the one in force when the snapshot was taken.
  return { ...persisted, context: { ...context, config } };
}

/** An actor restored from `persisted` (or fresh when null), started, with `config` in its context. */
function restoreActor(persisted: unknown, config: WorkflowConfig) {
  const input = { config };
  const actor =
    persisted === null || persisted === undefined
      ? createActor(caseWorkflowMachine, { input })
      : createActor(caseWorkflowMachine, {
          // Checked above in shape; XState re-resolves the state nodes from `value`.
          snapshot: checkedSnapshot(persisted, config) as unknown as WorkflowSnapshot,
          input,
        });
  actor.start();
  return actor;
}

function positionOf(snapshot: WorkflowSnapshot): WorkflowPosition {
  const position = positionOfValue(snapshot.value);
  if (position === null)
    throw new Error(`Invalid workflow state: ${JSON.stringify(snapshot.value)}.`);
  return { ...position, pending: snapshot.context.pending };
}

/** The persisted snapshot as plain JSON (no undefined members, no shared references). */
function persist(snapshot: unknown): unknown {
  return JSON.parse(JSON.stringify(snapshot)) as unknown;
}

/**
 * Restores an actor from a persisted snapshot (or a fresh one when null), sends the event, and
 * returns the step and the new persisted snapshot (plain JSON). Refused events return
 * accepted:false with the reason and the unchanged snapshot (a fresh one when `persisted` is null).
 */
export function applyWorkflowEvent(
  persisted: unknown | null,
  event: WorkflowEvent,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): { step: WorkflowStep; snapshot: unknown } {
  const actor = restoreActor(persisted, config);
  try {
    const beforeSnapshot = actor.getSnapshot();
    const before = positionOf(beforeSnapshot);
    if (!beforeSnapshot.can(event)) {
      const reason =
        refusalReason(beforeSnapshot.context, event) ?? 'This event is not accepted now.';
      const step: WorkflowStep = {
        accepted: false,
        reason,
        before: { stage: before.stage, subState: before.subState },
        after: { stage: before.stage, subState: before.subState },
        transitioned: false,
        pending: before.pending,
      };
      return { step, snapshot: persisted ?? persist(actor.getPersistedSnapshot()) };
    }
    actor.send(event);
    const after = positionOf(actor.getSnapshot());
    const step: WorkflowStep = {
      accepted: true,
      reason: null,
      before: { stage: before.stage, subState: before.subState },
      after: { stage: after.stage, subState: after.subState },
      transitioned: after.stage !== before.stage,
      pending: after.pending,
    };
    return { step, snapshot: persist(actor.getPersistedSnapshot()) };
  } finally {
    actor.stop();
  }
}

/** The current stage, sub-state and pending proposal of a persisted snapshot. */
export function describeWorkflow(
  persisted: unknown | null,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): WorkflowPosition {
  const actor = restoreActor(persisted, config);
  try {
    return positionOf(actor.getSnapshot());
  } finally {
    actor.stop();
  }
}

/** One sample event of each kind (PROPOSE once per target stage) for an actor with these facts. */
function sampleEvents(actorId: string, facts: WorkflowFacts): WorkflowEvent[] {
  const proposalId = 'sample';
  return [
    ...STAGES.map((toStage): WorkflowEvent => ({
      type: 'PROPOSE',
      proposalId,
      toStage,
      actorId,
      facts,
    })),
    { type: 'CLOSE', proposalId, actorId, facts },
    { type: 'APPROVE', actorId, facts },
    { type: 'REJECT', actorId },
    { type: 'WITHDRAW', actorId },
    { type: 'RECORD_REVIEW', actorId },
    { type: 'REOPEN', actorId },
  ];
}

/** Event types this actor could send now with these facts (machine rules only; the server intersects with roles). */
export function acceptedEventTypes(
  persisted: unknown | null,
  actorId: string,
  facts: WorkflowFacts,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): WorkflowEventType[] {
  const actor = restoreActor(persisted, config);
  try {
    const snapshot = actor.getSnapshot();
    const accepted = new Set(
      sampleEvents(actorId, facts)
        .filter((e) => snapshot.can(e))
        .map((e) => e.type),
    );
    return WORKFLOW_EVENT_TYPES.filter((type) => accepted.has(type));
  } finally {
    actor.stop();
  }
}

/** Stages a PROPOSE from the current state may target for this actor with these facts. */
export function proposableStages(
  persisted: unknown | null,
  actorId: string,
  facts: WorkflowFacts,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): Stage[] {
  const actor = restoreActor(persisted, config);
  try {
    const snapshot = actor.getSnapshot();
    return STAGES.filter((toStage) =>
      snapshot.can({ type: 'PROPOSE', proposalId: 'sample', toStage, actorId, facts }),
    );
  } finally {
    actor.stop();
  }
}
