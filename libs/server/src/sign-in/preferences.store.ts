import type { EmailPreference } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { type Db, queryRows } from '../database/named-query.js';

/** How notifications reach a person by e-mail; undefined for an unknown account. */
export async function emailPreferenceOf(
  db: Db,
  userId: string,
): Promise<EmailPreference | undefined> {
  const [row] = await queryRows<{ email_notifications: EmailPreference }>(
    db,
    'SELECT email_notifications FROM users WHERE id = $1',
    [userId],
  );
  return row?.email_notifications;
}

/** The e-mail setting with the account's row locked, so a change knows what it replaced. */
export async function lockEmailPreference(
  m: EntityManager,
  userId: string,
): Promise<EmailPreference | undefined> {
  const [row] = await queryRows<{ before: EmailPreference }>(
    m,
    'SELECT email_notifications AS before FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  );
  return row?.before;
}

/** Sets the e-mail setting; the caller holds the row lock. */
export async function setEmailPreference(
  m: EntityManager,
  userId: string,
  preference: EmailPreference,
): Promise<void> {
  await m.query('UPDATE users SET email_notifications = $2 WHERE id = $1', [userId, preference]);
}
