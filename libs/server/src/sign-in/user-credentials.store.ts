import type { EntityManager } from 'typeorm';
import type { Db } from '../database/named-query.js';

/** What a sign-in checks of an account. */
export interface CredentialsRow {
  id: string;
  password_hash: string;
  active: boolean;
  locked_until: Date | null;
}

/** The account of this (normalised) e-mail, as a sign-in checks it. */
export async function credentialsOf(db: Db, email: string): Promise<CredentialsRow | undefined> {
  const [user] = (await db.query(
    'SELECT id, password_hash, active, locked_until FROM users WHERE email = $1',
    [email],
  )) as CredentialsRow[];
  return user;
}

/** Whether the account is active (false for an unknown one). */
export async function isUserActive(m: EntityManager, userId: string): Promise<boolean> {
  const [row] = (await m.query('SELECT active FROM users WHERE id = $1', [userId])) as {
    active: boolean;
  }[];
  return row?.active === true;
}

/**
 * Locks an account for `minutes` unless a lock is already in force (never extended); the lock's
 * end, or null when it was already locked.
 */
export async function lockAccount(
  m: EntityManager,
  userId: string,
  minutes: number,
): Promise<Date | null> {
  const [rows] = (await m.query(
    `UPDATE users SET locked_until = now() + make_interval(mins => $2)
         WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
         RETURNING locked_until`,
    [userId, minutes],
  )) as [{ locked_until: Date }[], number];
  return rows[0]?.locked_until ?? null;
}
