import { Injectable } from '@nestjs/common';
import type { WorkflowFacts } from '@vigil/domain';
import type { EntityManager } from 'typeorm';

/**
 * The facts the workflow's guards read, loaded inside the transaction that sends the event
 * (DESIGN §4): the standing assessment's age and the case's recommendations.
 */
@Injectable()
export class WorkflowFactsProvider {
  async load(manager: EntityManager, caseId: string): Promise<WorkflowFacts> {
    return {
      latestFinalisedAssessmentAgeDays: await latestFinalisedAssessmentAgeDays(manager, caseId),
      ...(await recommendationCounts(manager, caseId)),
    };
  }
}

// Open: every recommendation not declined (a draft counts: it is being made). Transmitted: those
// that went out, implemented ones included.
async function recommendationCounts(
  manager: EntityManager,
  caseId: string,
): Promise<Pick<WorkflowFacts, 'openRecommendations' | 'transmittedRecommendations'>> {
  const [row] = (await manager.query(
    `SELECT count(*) FILTER (WHERE status <> 'declined')::int AS open,
       count(*) FILTER (WHERE status IN ('transmitted', 'implemented'))::int AS transmitted
     FROM recommendations WHERE case_id = $1`,
    [caseId],
  )) as { open: number; transmitted: number }[];
  return {
    openRecommendations: row?.open ?? 0,
    transmittedRecommendations: row?.transmitted ?? 0,
  };
}

// Whole days since the standing assessment finalised last (superseded ones were replaced), or
// null when there is none. Whole days, so "less than 30 days old" means up to 29 full days.
async function latestFinalisedAssessmentAgeDays(
  manager: EntityManager,
  caseId: string,
): Promise<number | null> {
  const [row] = (await manager.query(
    `SELECT floor(extract(epoch FROM now() - max(finalised_at)) / 86400)::int AS days
     FROM risk_assessments WHERE case_id = $1 AND status = 'finalised'`,
    [caseId],
  )) as { days: number | null }[];
  return row?.days ?? null;
}
