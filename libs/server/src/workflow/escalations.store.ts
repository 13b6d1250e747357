import type { Classification, Stage } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { isoMicros } from '../cases/case-filters.js';
import { namedQuery, queryRows, type Db } from '../database/named-query.js';
import { statusInboxSql, type StatusInbox } from '../common/status-inbox.sql.js';

/** One approval recorded on a proposal. */
export interface EscalationApproval {
  userId: string;
  displayName: string;
  at: string;
  note: string | null;
}

/** A proposal with its case's reference and access facts and the names of those involved. */
export interface EscalationRow {
  id: string;
  case_id: string;
  case_reference: string;
  case_title: string;
  case_classification: Classification;
  case_lead: string | null;
  case_priority: boolean;
  member_ids: string[];
  from_stage: Stage;
  to_stage: Stage;
  justification: string;
  proposed_by: string;
  proposer_name: string;
  status: string;
  approvals: EscalationApproval[];
  /** The approvals with each approver's e-mail (two people may share a display name). */
  approvals_shown: (EscalationApproval & { email: string })[];
  approvals_required: number;
  decided_by: string | null;
  decider_name: string | null;
  decision_note: string | null;
  decided_at: Date | null;
  created_at: Date;
  /** created_at to the microsecond, for cursors. */
  created_key: string;
}

/** What a decision re-reads of a proposal under the case lock. */
export interface EscalationState {
  status: string;
  approvals: EscalationApproval[];
  proposed_by: string;
  to_stage: Stage;
}

const ESCALATION_SELECT = `SELECT e.*, ${isoMicros('e.created_at')} AS created_key, c.reference AS case_reference, c.title AS case_title,
    c.classification AS case_classification, c.lead_analyst_id AS case_lead, c.priority_situation AS case_priority,
    ARRAY(SELECT cm.user_id FROM case_members cm WHERE cm.case_id = c.id) AS member_ids,
    p.display_name AS proposer_name, d.display_name AS decider_name,
    (SELECT coalesce(jsonb_agg(a.value || jsonb_build_object('email', coalesce(au.email, ''))
       ORDER BY a.ordinality), '[]'::jsonb)
     FROM jsonb_array_elements(e.approvals) WITH ORDINALITY a
     LEFT JOIN users au ON au.id = (a.value->>'userId')::uuid) AS approvals_shown
  FROM escalation_requests e JOIN cases c ON c.id = e.case_id
  JOIN users p ON p.id = e.proposed_by LEFT JOIN users d ON d.id = e.decided_by`;

/** The proposal with this id (a UUID), undefined when there is none. */
export async function findEscalationRow(db: Db, id: string): Promise<EscalationRow | undefined> {
  const [row] = (await db.query(`${ESCALATION_SELECT} WHERE e.id = $1`, [id])) as EscalationRow[];
  return row;
}

/** A page of proposals on cases `access` (over `c`) lets through (common/status-inbox.sql.ts). */
export function escalationPage(
  db: Db,
  access: { sql: string; params: Record<string, unknown> },
  inbox: StatusInbox,
): Promise<EscalationRow[]> {
  const page = statusInboxSql('e', access, inbox);
  return namedQuery<EscalationRow>(
    db,
    `${ESCALATION_SELECT} WHERE ${page.where} ${page.orderAndLimit}`,
    page.params,
  );
}

/** The case a proposal (a UUID) is about, undefined when there is no such proposal. */
export async function escalationCaseId(db: Db, id: string): Promise<string | undefined> {
  const [row] = (await db.query('SELECT case_id FROM escalation_requests WHERE id = $1', [id])) as {
    case_id: string;
  }[];
  return row?.case_id;
}

/** A proposal's status, approvals, proposer and target, read again in the caller's transaction. */
export async function escalationState(
  m: EntityManager,
  id: string,
): Promise<EscalationState | undefined> {
  const [current] = (await m.query(
    'SELECT status, approvals, proposed_by, to_stage FROM escalation_requests WHERE id = $1',
    [id],
  )) as EscalationState[];
  return current;
}

/** A new proposal, its id chosen by the caller (the workflow event names it first). */
export interface NewEscalation {
  id: string;
  caseId: string;
  fromStage: Stage;
  toStage: Stage;
  justification: string;
  proposedBy: string;
  approvalsRequired: number;
}

/** Inserts a pending proposal. */
export async function insertEscalation(m: EntityManager, e: NewEscalation): Promise<void> {
  await m.query(
    `INSERT INTO escalation_requests (id, case_id, from_stage, to_stage, justification, proposed_by, approvals_required)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.id, e.caseId, e.fromStage, e.toStage, e.justification, e.proposedBy, e.approvalsRequired],
  );
}

/** Stores the approvals so far; with `settled`, the proposal is approved by `approverId` now. */
export async function recordEscalationApprovals(
  m: EntityManager,
  id: string,
  approvals: EscalationApproval[],
  settled: boolean,
  approverId: string,
): Promise<void> {
  await m.query(
    `UPDATE escalation_requests SET approvals = $2,
       status = CASE WHEN $3 THEN 'approved' ELSE status END,
       decided_by = CASE WHEN $3 THEN $4::uuid ELSE decided_by END,
       decided_at = CASE WHEN $3 THEN now() ELSE decided_at END
     WHERE id = $1`,
    [id, JSON.stringify(approvals), settled, approverId],
  );
}

/** Closes a proposal as rejected or withdrawn by `decidedBy`, now. */
export async function closeEscalation(
  m: EntityManager,
  id: string,
  status: 'rejected' | 'withdrawn',
  decidedBy: string,
  note: string | null,
): Promise<void> {
  await m.query(
    `UPDATE escalation_requests SET status = $2, decided_by = $3, decision_note = $4, decided_at = now() WHERE id = $1`,
    [id, status, decidedBy, note],
  );
}

/**
 * Every active adviser cleared for `classification`, except the proposer: those who may now
 * decide a proposal.
 */
export async function advisersToDecide(
  m: EntityManager,
  proposerId: string,
  classification: Classification,
): Promise<string[]> {
  const advisers = await queryRows<{ id: string }>(
    m,
    `SELECT u.id FROM users u WHERE u.active AND 'adviser' = ANY(u.roles) AND u.id <> $1
       AND array_position(ARRAY['unclassified','confidential','strictly_confidential'], u.clearance)
         >= array_position(ARRAY['unclassified','confidential','strictly_confidential'], $2::text)`,
    [proposerId, classification],
  );
  return advisers.map((a) => a.id);
}
