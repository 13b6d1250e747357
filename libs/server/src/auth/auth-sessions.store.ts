import type { Clearance, Role } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { type Db, queryRows } from '../database/named-query.js';

/** Why a session ended (the `auth_sessions.end_reason` values). */
export type SessionEnd =
  'signed_out' | 'session_ended' | 'deactivated' | 'password_changed' | 'token_reuse';

/** A refresh token with the session (family) it belongs to. */
export interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  session_expires_at: Date;
  session_ended_at: Date | null;
  session_end_reason: string | null;
}

/** A user as an access token's bearer, with the state of the token's session. */
export interface ActorSessionRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  clearance: Clearance;
  organisation_id: string;
  active: boolean;
  /** Null: no such session of this user. */
  session_state: 'live' | 'expired' | SessionEnd | null;
}

/**
 * The user (by a valid UUID) and, given a session id, whether that session of theirs is live,
 * expired or how it ended: what every request checks its access token against.
 */
export async function actorWithSession(
  db: Db,
  userId: string,
  sessionId: string | null,
): Promise<ActorSessionRow | undefined> {
  const [row] = (await db.query(
    `SELECT u.id, u.email, u.display_name, u.roles, u.clearance, u.organisation_id, u.active,
         (SELECT CASE WHEN s.ended_at IS NOT NULL THEN s.end_reason
                      WHEN s.expires_at <= now() THEN 'expired' ELSE 'live' END
          FROM auth_sessions s WHERE s.id = $2 AND s.user_id = u.id) AS session_state
       FROM users u WHERE u.id = $1`,
    [userId, sessionId],
  )) as ActorSessionRow[];
  return row;
}

/** Records a new session (one sign-in) of a user, ending at `expiresAt` at the latest. */
export async function insertSession(
  m: EntityManager,
  sessionId: string,
  userId: string,
  expiresAt: Date,
): Promise<void> {
  await m.query('INSERT INTO auth_sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [
    sessionId,
    userId,
    expiresAt,
  ]);
}

/** Stores a refresh token of a session, by its hash (the token itself is never stored). */
export async function insertRefreshToken(
  m: EntityManager,
  token: { userId: string; sessionId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await m.query(
    'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)',
    [token.userId, token.sessionId, token.tokenHash, token.expiresAt],
  );
}

/** The refresh token of this hash with its session, both rows locked (a rotation follows). */
export async function lockRefreshToken(
  m: EntityManager,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  const [row] = (await m.query(
    `SELECT t.id, t.user_id, t.family_id, t.expires_at, t.used_at, t.revoked_at,
         s.expires_at AS session_expires_at, s.ended_at AS session_ended_at,
         s.end_reason AS session_end_reason
       FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.family_id
       WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
    [tokenHash],
  )) as RefreshTokenRow[];
  return row;
}

/** Marks a refresh token used (rotated): presenting it again is theft. */
export async function markRefreshTokenUsed(m: EntityManager, tokenId: string): Promise<void> {
  await m.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [tokenId]);
}

/** Ends a live session; its user, or undefined when there was no such live session. */
export async function endSessionRow(
  m: EntityManager,
  sessionId: string,
  reason: SessionEnd,
): Promise<string | undefined> {
  const [row] = await queryRows<{ user_id: string }>(
    m,
    `UPDATE auth_sessions SET ended_at = now(), end_reason = $2
       WHERE id = $1 AND ended_at IS NULL RETURNING user_id`,
    [sessionId, reason],
  );
  return row?.user_id;
}

/** Revokes the refresh tokens of a session not revoked yet. */
export async function revokeSessionTokens(m: EntityManager, sessionId: string): Promise<void> {
  await m.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
    [sessionId],
  );
}

/** Ends every live session of a user and revokes all their refresh tokens; how many sessions. */
export async function endSessionsOfUser(
  m: EntityManager,
  userId: string,
  reason: SessionEnd,
): Promise<number> {
  const [row] = (await m.query(
    `WITH ended AS (UPDATE auth_sessions SET ended_at = now(), end_reason = $2
         WHERE user_id = $1 AND ended_at IS NULL RETURNING id),
       revoked AS (UPDATE refresh_tokens SET revoked_at = now()
         WHERE user_id = $1 AND revoked_at IS NULL)
       SELECT count(*)::int AS n FROM ended`,
    [userId, reason],
  )) as { n: number }[];
  return row?.n ?? 0;
}
