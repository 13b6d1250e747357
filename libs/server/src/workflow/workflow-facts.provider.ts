import { Injectable } from '@nestjs/common';
import type { WorkflowFacts } from '@vigil/domain';
import type { EntityManager } from 'typeorm';

/**
 * The facts the workflow's guards read, loaded inside the transaction that sends the event.
 * Risk assessments (issue 4) and recommendations (issue 6) do not exist yet: until their features
 * land, their facts read as absent, so escalations that need them are refused with the reason.
 */
@Injectable()
export class WorkflowFactsProvider {
  async load(_manager: EntityManager, _caseId: string): Promise<WorkflowFacts> {
    return {
      latestFinalisedAssessmentAgeDays: null,
      openRecommendations: 0,
      transmittedRecommendations: 0,
    };
  }
}
