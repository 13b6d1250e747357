/** Every stage a case can be in (docs/architecture.md §7). */
export const STAGES = ['monitoring', 'alert', 'recommendation', 'mobilisation', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages of an open case, ordered from the lowest concern to the highest. */
export const ACTIVE_STAGES = ['monitoring', 'alert', 'recommendation', 'mobilisation'] as const;
export type ActiveStage = (typeof ACTIVE_STAGES)[number];

/** `pending` while an escalation, de-escalation or closure awaits approval. */
export type SubState = 'steady' | 'pending';

/** Every event the workflow machine knows. */
export const WORKFLOW_EVENT_TYPES = [
  'PROPOSE',
  'APPROVE',
  'REJECT',
  'WITHDRAW',
  'RECORD_REVIEW',
  'CLOSE',
  'REOPEN',
] as const;
export type WorkflowEventType = (typeof WORKFLOW_EVENT_TYPES)[number];

/** Whether a value (say, from a request body) names a stage. */
export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Whether a stage is one of the open stages (every stage but `closed`). */
export function isActiveStage(value: unknown): value is ActiveStage {
  return typeof value === 'string' && (ACTIVE_STAGES as readonly string[]).includes(value);
}

/** Whether a value names a workflow event type. */
export function isWorkflowEventType(value: unknown): value is WorkflowEventType {
  return typeof value === 'string' && (WORKFLOW_EVENT_TYPES as readonly string[]).includes(value);
}

/** Position of an open stage on the escalation ladder (monitoring 0 … mobilisation 3). */
export function stageRank(stage: ActiveStage): number {
  return ACTIVE_STAGES.indexOf(stage);
}
