import { Injectable } from '@nestjs/common';
import type { WorkflowFacts } from '@vigil/domain';
import type { EntityManager } from 'typeorm';

/**
 * The facts the workflow's guards read, loaded inside the transaction that sends the event.
 * Recommendations (issue 6) do not exist yet: until they land, their facts read as none, so
 * escalations that need them are refused with the reason.
 */
@Injectable()
export class WorkflowFactsProvider {
  async load(manager: EntityManager, caseId: string): Promise<WorkflowFacts> {
    return {
      latestFinalisedAssessmentAgeDays: await latestFinalisedAssessmentAgeDays(manager, caseId),
      openRecommendations: 0,
      transmittedRecommendations: 0,
    };
  }
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
