import { Injectable } from '@nestjs/common';
import type { WorkflowFacts } from '@vigil/domain';
import type { EntityManager } from 'typeorm';

/**
 * The facts the workflow's guards read, loaded inside the transaction that sends the event
 * (docs/architecture.md §7): the standing assessment's age and the case's recommendations, in one
 * statement (every workflow request reads them; a round trip fewer is measurable in
 * bench/workflow).
 */
@Injectable()
export class WorkflowFactsProvider {
  async load(manager: EntityManager, caseId: string): Promise<WorkflowFacts> {
    const [row] = (await manager.query(FACTS_SQL, [caseId])) as {
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
}

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
