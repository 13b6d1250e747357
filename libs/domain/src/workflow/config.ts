import type { ActiveStage } from './stages.js';

/** The numbers of the workflow that are configuration, not code (docs/architecture.md §7). */
export interface WorkflowConfig {
  /** Distinct approvals (never the proposer's) a proposal needs before it takes effect. */
  approvalsRequired: {
    alert: number;
    recommendation: number;
    mobilisation: number;
    deescalation: number;
    closed: number;
  };
  /** Days from entering or reviewing a stage to the next review. */
  reviewIntervalDays: Record<ActiveStage, number>;
  /** A finalised risk assessment older than this (in days) does not support escalation to alert. */
  assessmentMaxAgeDays: number;
}

export const DEFAULT_WORKFLOW_CONFIG: WorkflowConfig = Object.freeze({
  approvalsRequired: Object.freeze({
    alert: 1,
    recommendation: 1,
    mobilisation: 2,
    deescalation: 1,
    closed: 1,
  }),
  reviewIntervalDays: Object.freeze({
    monitoring: 90,
    alert: 30,
    recommendation: 14,
    mobilisation: 7,
  }),
  assessmentMaxAgeDays: 30,
});
