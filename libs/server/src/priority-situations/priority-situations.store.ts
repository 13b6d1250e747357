import {
  APPROVED_RECOMMENDATION_STATUSES,
  type ActionType,
  type AddresseeKind,
  type RecommendationStatus,
} from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { SqlCondition } from '../authorization/rules-to-sql.js';
import { CASE_COLUMNS, CASE_FROM, type CaseRow } from '../cases/case.store.js';
import { namedQuery, type Db } from '../database/named-query.js';
import type { ApprovedRecommendation } from './dto/priority-situation.response.js';

/** updated_at to the microsecond, for the list's keyset cursor. */
const UPDATED_KEY = `to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A priority situation's case row with its keyset (updated_at to the microsecond). */
export type PrioritySituationRow = CaseRow & { updated_key: string };

/**
 * Up to `take` of the cases `acl` (the caller's PrioritySituation rules over `cases c`) lets be
 * read, most recently updated first, strictly after the keyset `before` when given.
 */
export async function prioritySituationRows(
  db: Db,
  acl: SqlCondition,
  take: number,
  before?: { at: string; id: string },
): Promise<PrioritySituationRow[]> {
  const where = [acl.sql];
  const params: Record<string, unknown> = { ...acl.params, limit: take };
  if (before) {
    where.push('(c.updated_at, c.id) < (:cursorAt::timestamptz, :cursorId::uuid)');
    Object.assign(params, { cursorAt: before.at, cursorId: before.id });
  }
  return namedQuery<PrioritySituationRow>(
    db,
    `SELECT ${CASE_COLUMNS}, ${UPDATED_KEY} AS updated_key FROM ${CASE_FROM}
       WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit`,
    params,
  );
}

/** Shares a case with the Framework Team or stops sharing it, bumping its version. */
export async function setCasePriority(
  m: EntityManager,
  caseId: string,
  shared: boolean,
): Promise<void> {
  await m.query(
    `UPDATE cases SET priority_situation = $2, version = version + 1, updated_at = now()
         WHERE id = $1`,
    [caseId, shared],
  );
}

interface ApprovedRecommendationRow {
  id: string;
  case_id: string;
  addressee_name: string;
  addressee_kind: AddresseeKind;
  action_type: ActionType;
  text: string;
  status: RecommendationStatus;
  due_date: string | null;
}

/**
 * The recommendations of these cases that were approved (and perhaps since transmitted or
 * implemented), in the order they were made, per case. Drafts and declined ones stay with the
 * Office; so do the author, the linked document and the history.
 */
export async function approvedRecommendations(
  db: Db,
  caseIds: string[],
): Promise<Map<string, ApprovedRecommendation[]>> {
  const byCase = new Map<string, ApprovedRecommendation[]>();
  if (caseIds.length === 0) return byCase;
  const rows = (await db.query(
    `SELECT r.id, r.case_id, r.addressee_name, r.addressee_kind, r.action_type, r.text, r.status,
       to_char(r.due_date, 'YYYY-MM-DD') AS due_date
     FROM recommendations r
     WHERE r.case_id = ANY($1::uuid[]) AND r.status = ANY($2::text[])
     ORDER BY r.case_id, r.created_at, r.id`,
    [caseIds, APPROVED_RECOMMENDATION_STATUSES],
  )) as ApprovedRecommendationRow[];
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      addresseeName: r.addressee_name,
      addresseeKind: r.addressee_kind,
      actionType: r.action_type,
      text: r.text,
      status: r.status,
      dueDate: r.due_date,
    });
    byCase.set(r.case_id, list);
  }
  return byCase;
}
