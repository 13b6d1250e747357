import type { Clearance, PrivilegedGrant, Role } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { SqlCondition } from '../authorization/rules-to-sql.js';
import { type Db, namedQuery } from '../database/named-query.js';
import type { AccountChangeStatus } from './dto/account-change.response.js';
import { statusInboxSql, type StatusInbox } from '../common/status-inbox.sql.js';

/** An account_changes row with the people it names. */
export interface AccountChangeRow {
  id: string;
  user_id: string;
  requested_by: string;
  add_roles: Role[];
  clearance: Clearance | null;
  previous_clearance: Clearance;
  status: AccountChangeStatus;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  /** created_at to the microsecond, for cursors. */
  created_key: string;
  user_name: string;
  user_email: string;
  user_org: string;
  requester_name: string;
  requester_email: string;
  decider_name: string | null;
  decider_email: string | null;
}

/** Selects account changes as `ac`, the account as `u` (so user ability SQL applies to it). */
export const ACCOUNT_CHANGE_SELECT = `SELECT ac.*,
    to_char(ac.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
    u.display_name AS user_name, u.email AS user_email, u.organisation_id AS user_org,
    r.display_name AS requester_name, r.email AS requester_email,
    d.display_name AS decider_name, d.email AS decider_email
  FROM account_changes ac JOIN users u ON u.id = ac.user_id
  JOIN users r ON r.id = ac.requested_by LEFT JOIN users d ON d.id = ac.decided_by`;

/** Records a pending grant for `userId`; the caller holds the user's row lock. */
export async function insertAccountChange(
  m: EntityManager,
  change: {
    userId: string;
    requestedBy: string;
    grant: PrivilegedGrant;
    previousClearance: Clearance;
  },
): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO account_changes (user_id, requested_by, add_roles, clearance, previous_clearance)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      change.userId,
      change.requestedBy,
      change.grant.roles,
      change.grant.clearance,
      change.previousClearance,
    ],
  )) as { id: string }[];
  if (!row) throw new Error('account change not inserted');
  return row.id;
}

/** The pending change of one account, if any (locked with it when `lock`). */
export async function pendingChangeOf(
  m: EntityManager,
  userId: string,
  lock = false,
): Promise<AccountChangeRow | undefined> {
  const [row] = (await m.query(
    `${ACCOUNT_CHANGE_SELECT} WHERE ac.user_id = $1 AND ac.status = 'pending' ${lock ? 'FOR UPDATE OF ac' : ''}`,
    [userId],
  )) as AccountChangeRow[];
  return row;
}

/** One account change by id. */
export async function findAccountChange(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<AccountChangeRow | undefined> {
  const [row] = (await m.query(
    `${ACCOUNT_CHANGE_SELECT} WHERE ac.id = $1 ${lock ? 'FOR UPDATE OF ac' : ''}`,
    [id],
  )) as AccountChangeRow[];
  return row;
}

/** Settles a pending change. */
export async function settleAccountChange(
  m: EntityManager,
  id: string,
  status: Exclude<AccountChangeStatus, 'pending'>,
  decidedBy: string,
): Promise<void> {
  await m.query(
    `UPDATE account_changes SET status = $2, decided_by = $3, decided_at = now()
     WHERE id = $1 AND status = 'pending'`,
    [id, status, decidedBy],
  );
}

/** A page of account changes `acl` (over the account, `u`) lets through (common/status-inbox.sql.ts). */
export async function listAccountChanges(
  db: Db,
  acl: SqlCondition,
  inbox: StatusInbox,
): Promise<AccountChangeRow[]> {
  const page = statusInboxSql('ac', acl, inbox);
  return namedQuery<AccountChangeRow>(
    db,
    `${ACCOUNT_CHANGE_SELECT} WHERE ${page.where} ${page.orderAndLimit}`,
    page.params,
  );
}
