import type { Stage, WorkflowFacts } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/named-query.js';

// days: whole days since the standing assessment finalised last (superseded ones were replaced),
// or null when there is none; whole days, so "less than 30 days old" means up to 29 full days.
// open: every recommendation not declined (a draft counts: it is being made). transmitted: those
// that went out, implemented ones included.
const FACTS_SQL = `
  SELECT (SELECT floor(extract(epoch FROM now() - max(finalised_at)) / 86400)::int
            FROM risk_assessments WHERE case_id = $1 AND status = 'finalised') AS days,
         r.open, r.transmitted
  FROM (SELECT count(*) FILTER (WHERE status <> 'declined')::int AS open,
               count(*) FILTER (WHERE status IN ('transmitted', 'implemented'))::int AS transmitted
        FROM recommendations WHERE case_id = $1) r`;

/**
 * The facts the workflow's guards read: the standing assessment's age and the case's
 * recommendations, in one statement (every workflow request reads them; a round trip fewer is
 * measurable in bench/workflow).
 */
export async function workflowFacts(m: EntityManager, caseId: string): Promise<WorkflowFacts> {
  const [row] = (await m.query(FACTS_SQL, [caseId])) as {
    days: number | null;
    open: number;
    transmitted: number;
  }[];
  return {
    latestFinalisedAssessmentAgeDays: row?.days ?? null,
    openRecommendations: row?.open ?? 0,
    transmittedRecommendations: row?.transmitted ?? 0,
  };
}

/** What an accepted workflow event changed on the case row. */
export interface WorkflowStepWritten {
  version: number;
  next_review_due: Date | null;
  last_event_seq: number;
}

/**
 * Writes the machine's new snapshot, stage and sub-state and, in the same statement, moves the
 * version and the timeline sequence on and sets the review clock (cleared on closing; restarted
 * for `reviewIntervalDays` when `resetReview`). Undefined when the case does not exist.
 */
export async function writeWorkflowStep(
  m: EntityManager,
  caseId: string,
  step: {
    snapshot: unknown;
    stage: Stage;
    subState: string;
    resetReview: boolean;
    reviewIntervalDays: number;
  },
): Promise<WorkflowStepWritten | undefined> {
  const [updated] = await queryRows<WorkflowStepWritten>(
    m,
    `UPDATE cases SET workflow_snapshot = $2, stage = $3, sub_state = $4, version = version + 1,
       updated_at = now(), last_event_seq = last_event_seq + 1,
       next_review_due = CASE WHEN $3 = 'closed' THEN NULL
         WHEN $5 THEN now() + make_interval(days => $6::int) ELSE next_review_due END
     WHERE id = $1 RETURNING version, next_review_due, last_event_seq`,
    [
      caseId,
      JSON.stringify(step.snapshot),
      step.stage,
      step.subState,
      step.resetReview,
      step.reviewIntervalDays,
    ],
  );
  return updated;
}
