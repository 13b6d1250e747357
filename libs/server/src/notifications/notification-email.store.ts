import type { EntityManager } from 'typeorm';
import { URGENT_NOTIFICATION_TYPES } from '@vigil/domain';
import { queryRows } from '../database/named-query.js';
import { STILL_READABLE } from './notification-access.sql.js';
import type { MailableNotification } from './notification-email.content.js';

/** How old an unsent notification may be and still be e-mailed (no flood after an outage). */
export const EMAIL_MAX_AGE = "interval '7 days'";

/**
 * Security notices (an account locked after failed sign-ins) are e-mailed at once whatever the
 * person's e-mail setting: they are about the account, and its owner may be unable to sign in.
 */
export const SECURITY_NOTICE_SQL = `n.type IN ('account.locked')`;

/** A notification claimed for e-mail, with what the message may say. */
export interface ClaimedNotification extends MailableNotification {
  id: string;
  email: string;
}

interface ClaimedRow {
  id: string;
  type: string;
  case_id: string | null;
  reference: string | null;
  created_at: Date;
  email: string;
}

const CLAIM_SELECT = `SELECT n.id, n.type, n.case_id, c.reference, n.created_at, u.email
  FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN cases c ON c.id = n.case_id`;

/**
 * Marks as e-mailed, without sending, what will never be sent: notifications of people who want
 * no e-mail or are deactivated, and any older than EMAIL_MAX_AGE. Rows another worker is sending
 * right now are skipped, not waited for.
 */
export async function retireUnmailable(manager: EntityManager): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `UPDATE notifications SET emailed_at = now() WHERE id IN (
       SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.emailed_at IS NULL
         AND ((u.email_notifications = 'off' AND NOT ${SECURITY_NOTICE_SQL}) OR NOT u.active
           OR n.created_at < now() - ${EMAIL_MAX_AGE}
           OR NOT ${STILL_READABLE})
       FOR UPDATE OF n SKIP LOCKED)
     RETURNING id`,
  );
  return rows.length;
}

/**
 * Locks the next unsent notification of someone who wants e-mail at once — urgent kinds first,
 * then the oldest, of people who received fewer than `perRecipientHourly` e-mails in the last hour
 * (the rest wait; a security notice never does) — skipping rows other workers hold (and `exclude`, which failed this run), until
 * the caller's transaction ends.
 */
export async function claimImmediate(
  manager: EntityManager,
  exclude: string[],
  perRecipientHourly = Number.MAX_SAFE_INTEGER,
): Promise<ClaimedNotification | null> {
  const [row] = await queryRows<ClaimedRow>(
    manager,
    `${CLAIM_SELECT}
     WHERE n.emailed_at IS NULL AND u.active
       AND (u.email_notifications = 'immediate' OR ${SECURITY_NOTICE_SQL})
       AND n.created_at >= now() - ${EMAIL_MAX_AGE} AND NOT (n.id = ANY($1::uuid[]))
       AND ${STILL_READABLE}
       AND (${SECURITY_NOTICE_SQL} OR (SELECT count(*) FROM notifications s
              WHERE s.user_id = n.user_id AND s.email_sent
                AND s.emailed_at > now() - interval '1 hour') < $2)
     ORDER BY (n.type = ANY($3::text[])) DESC, n.created_at, n.id
     LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
    [exclude, perRecipientHourly, URGENT_NOTIFICATION_TYPES],
  );
  return row ? claimed(row) : null;
}

/** People with unsent notifications who want a daily digest. */
export async function digestRecipients(manager: EntityManager): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    manager,
    `SELECT DISTINCT n.user_id FROM notifications n JOIN users u ON u.id = n.user_id
     WHERE n.emailed_at IS NULL AND u.email_notifications = 'daily_digest' AND u.active
       AND n.created_at >= now() - ${EMAIL_MAX_AGE}`,
  );
  return rows.map((r) => r.user_id);
}

/** Locks every unsent notification of one digest reader, oldest first (re-checking the setting). */
export async function claimDigest(
  manager: EntityManager,
  userId: string,
): Promise<ClaimedNotification[]> {
  const rows = await queryRows<ClaimedRow>(
    manager,
    `${CLAIM_SELECT}
     WHERE n.user_id = $1 AND n.emailed_at IS NULL AND u.email_notifications = 'daily_digest'
       AND u.active AND n.created_at >= now() - ${EMAIL_MAX_AGE} AND ${STILL_READABLE}
     ORDER BY n.created_at, n.id FOR UPDATE OF n SKIP LOCKED`,
    [userId],
  );
  return rows.map(claimed);
}

/** Records that these notifications went out (in the transaction that claimed them). */
export async function markEmailed(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.query(
    'UPDATE notifications SET emailed_at = now(), email_sent = true WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/** What may be logged about a failed send: SMTP codes, never addresses or content. */
export function mailFailure(error: unknown): Record<string, unknown> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    code: typeof e.code === 'string' ? e.code : 'unknown',
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : null,
  };
}

function claimed(row: ClaimedRow): ClaimedNotification {
  return {
    id: row.id,
    type: row.type,
    caseId: row.case_id,
    reference: row.reference,
    createdAt: row.created_at,
    email: row.email,
  };
}
