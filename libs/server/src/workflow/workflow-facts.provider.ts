import { Injectable } from '@nestjs/common';
import type { WorkflowFacts } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { workflowFacts } from './workflow.store.js';

/**
 * The facts the workflow's guards read, loaded inside the transaction that sends the event
 * (docs/architecture.md §7): the standing assessment's age and the case's recommendations, in one
 * statement (every workflow request reads them; a round trip fewer is measurable in
 * bench/workflow).
 */
@Injectable()
export class WorkflowFactsProvider {
  load(manager: EntityManager, caseId: string): Promise<WorkflowFacts> {
    return workflowFacts(manager, caseId);
  }
}
