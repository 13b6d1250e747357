import type { WorkflowConfig } from './config.js';
import type { Stage } from './stages.js';

/** Facts the server loads and passes with each event (guards read them). */
export interface WorkflowFacts {
  /** Age in days of the latest finalised risk assessment, null if none. */
  latestFinalisedAssessmentAgeDays: number | null;
  /** Recommendations on the case that are not declined. */
  openRecommendations: number;
  /** Recommendations that were transmitted. */
  transmittedRecommendations: number;
}

/** A stage change awaiting approval. */
export interface PendingProposal {
  proposalId: string;
  fromStage: Stage;
  toStage: Stage;
  proposerId: string;
  /** Approver ids in the order the approvals arrived. */
  approvals: string[];
}

/** The machine's context: the stage mirrors the state value, the config is replaced on restore. */
export interface WorkflowContext {
  stage: Stage;
  pending: PendingProposal | null;
  config: WorkflowConfig;
}

/** Input of `caseWorkflowMachine`; the default configuration applies when none is given. */
export interface WorkflowInput {
  config?: WorkflowConfig;
}

export type WorkflowEvent =
  | { type: 'PROPOSE'; proposalId: string; toStage: Stage; actorId: string; facts: WorkflowFacts }
  /** The same as PROPOSE with toStage 'closed'. */
  | { type: 'CLOSE'; proposalId: string; actorId: string; facts: WorkflowFacts }
  | { type: 'APPROVE'; actorId: string; facts: WorkflowFacts }
  | { type: 'REJECT'; actorId: string }
  | { type: 'WITHDRAW'; actorId: string }
  | { type: 'RECORD_REVIEW'; actorId: string }
  | { type: 'REOPEN'; actorId: string };
