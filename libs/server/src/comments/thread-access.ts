import { subject } from '@casl/ability';
import {
  defineAbilitiesFor,
  DomainError,
  mayReadThread,
  type Classification,
  type CommentThread,
  type Role,
} from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { FRAMEWORK_TEAM_READER_SQL, OFFICE_READER_SQL } from '../authorization/case-readers.sql.js';
import { caseSubject, findCaseRow, type CaseRow } from '../cases/case.store.js';
import type { RequestContext } from '../common/request-context.js';

/** Words for a thread in messages. */
export const THREAD_WORDS: Record<CommentThread, string> = {
  internal: 'internal',
  framework_team: 'Framework Team',
};

/** A user row with the facts `mayReadThread` needs. */
export interface ThreadUserRow {
  id: string;
  display_name: string;
  roles: Role[];
  clearance: Classification;
  active: boolean;
  organisation_id: string;
}

/** Whether `user` may read `thread` of the case in `row` (the domain rule, with their own CASL). */
export function userReadsThread(user: ThreadUserRow, thread: CommentThread, row: CaseRow): boolean {
  const ability = defineAbilitiesFor({
    id: user.id,
    roles: user.roles,
    clearance: user.clearance,
    organisationId: user.organisation_id,
    active: user.active,
  });
  const readsCase = ability.can('read', subject('Case', caseSubject(row)));
  return mayReadThread({ ...user, readsCase }, thread, {
    classification: row.classification,
    prioritySituation: row.priority_situation,
  });
}

/** Whether the caller may read `thread` of the case in `row`. */
export function callerReadsThread(
  context: RequestContext,
  thread: CommentThread,
  row: CaseRow,
): boolean {
  const actor = context.actor;
  if (!actor) return false;
  const readsCase = context.ability.can('read', subject('Case', caseSubject(row)));
  return mayReadThread({ ...actor, active: true, readsCase }, thread, {
    classification: row.classification,
    prioritySituation: row.priority_situation,
  });
}

/**
 * Loads a case whose `thread` the caller may read. Anyone else learns nothing, not even that the
 * case exists: hidden means absent (the Framework Team asking for the internal thread included).
 */
export async function loadThreadCase(
  manager: EntityManager,
  context: RequestContext,
  caseId: string,
  thread: CommentThread,
): Promise<CaseRow> {
  const row = await findCaseRow(manager, caseId);
  if (!row || !callerReadsThread(context, thread, row))
    throw new DomainError('not_found', 'No such case.');
  return row;
}

/**
 * `mayReadThread` with the Office's read rule of defineAbilitiesFor, as SQL over `users u` and
 * `cases c` with the thread as parameter `:thread`, so lists of readers filter in the database.
 * The API tests check it against the domain rule: whoever it lists can be mentioned, and only they.
 */
export const THREAD_READER_SQL = `(${OFFICE_READER_SQL}
  OR (:thread = 'framework_team' AND ${FRAMEWORK_TEAM_READER_SQL}))`;
