import type { JsonValue } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import type { CaseEventsService } from './case-events.service.js';

/** A record of a case (an assessment, a recommendation, an engagement) created or edited. */
export interface RecordChange {
  /** Names the timeline event (`<kind>.created`), its payload key (`<kind>Id`) and the audit action. */
  kind: 'assessment' | 'recommendation' | 'engagement';
  /** The audited entity's name. */
  entity: string;
  caseId: string;
  id: string;
  what: 'created' | 'updated';
  diff: Record<string, JsonValue>;
}

/**
 * The timeline entry (which fields changed, never their values) and the audit row (with the diff)
 * of a change to one of a case's records, in the caller's transaction.
 */
export async function recordChange(
  events: CaseEventsService,
  audit: AuditService,
  m: EntityManager,
  context: RequestContext,
  change: RecordChange,
): Promise<void> {
  await events.record(m, context, change.caseId, {
    type: `${change.kind}.${change.what}`,
    payload: { [`${change.kind}Id`]: change.id, fields: Object.keys(change.diff) },
  });
  audit.append(m, context, {
    action: `${change.kind}.${change.what === 'created' ? 'create' : 'update'}`,
    entity: change.entity,
    entityId: change.id,
    caseId: change.caseId,
    diff: change.diff,
  });
}
