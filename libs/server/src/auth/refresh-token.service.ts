import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/named-query.js';

interface TokenRow {
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

/** Why a session ended (the `auth_sessions.end_reason` values). */
export type SessionEnd =
  'signed_out' | 'session_ended' | 'deactivated' | 'password_changed' | 'token_reuse';

/** What a refused refresh tells the person (the web app shows it on the sign-in page). */
export const SESSION_OVER = {
  expired: 'Your session has expired. Please sign in again.',
  signed_out: 'This session has been signed out. Please sign in again.',
  deactivated: 'Your account has been deactivated. Ask an administrator if you need access again.',
} as const;

/** A session (one sign-in) as the tokens handed out for it need to know it. */
export interface IssuedSession {
  sessionId: string;
  /** The absolute end of the session: no token of it lives past this. */
  sessionExpiresAt: Date;
  /** The refresh token to hand out (only ever in an HttpOnly cookie). */
  token: string;
}

/** Outcome of presenting a refresh token. */
export type RefreshOutcome =
  | ({ kind: 'rotated'; userId: string } & IssuedSession)
  | { kind: 'reused'; userId: string; sessionId: string }
  | { kind: 'invalid'; reason: string };

/**
 * Sessions and their opaque refresh tokens, stored hashed, rotated on every use. A session has an
 * absolute lifetime (SESSION_MAX_HOURS) that rotation cannot extend. Presenting a token that was
 * already used is treated as theft: the whole session ends.
 */
@Injectable()
export class RefreshTokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Starts a new session (a sign-in) and returns its first refresh token. */
  async issue(manager: EntityManager, userId: string): Promise<IssuedSession> {
    if (!userId) throw new DomainError('unauthenticated', 'No user for this session.');
    const sessionId = randomUUID();
    const sessionExpiresAt = new Date(Date.now() + this.config.SESSION_MAX_HOURS * 3_600_000);
    await manager.query('INSERT INTO auth_sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [
      sessionId,
      userId,
      sessionExpiresAt,
    ]);
    const token = await this.insert(manager, userId, sessionId, sessionExpiresAt);
    return { sessionId, sessionExpiresAt, token };
  }

  /** Consumes `token` and, if it is current, issues its successor in the same session. */
  async rotate(manager: EntityManager, token: string): Promise<RefreshOutcome> {
    const [row] = (await manager.query(
      `SELECT t.id, t.user_id, t.family_id, t.expires_at, t.used_at, t.revoked_at,
         s.expires_at AS session_expires_at, s.ended_at AS session_ended_at,
         s.end_reason AS session_end_reason
       FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.family_id
       WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
      [hashToken(token)],
    )) as TokenRow[];
    if (!row) return { kind: 'invalid', reason: SESSION_OVER.expired };
    // A rotated token presented again means two holders: theft. A revoked one (sign-out,
    // deactivation, new password) is simply over.
    if (row.used_at) {
      await this.endSession(manager, row.family_id, 'token_reuse');
      return { kind: 'reused', userId: row.user_id, sessionId: row.family_id };
    }
    if (row.revoked_at || row.session_ended_at) {
      const why = row.session_end_reason === 'deactivated' ? 'deactivated' : 'signed_out';
      return { kind: 'invalid', reason: SESSION_OVER[why] };
    }
    const now = Date.now();
    if (row.expires_at.getTime() <= now || row.session_expires_at.getTime() <= now) {
      return { kind: 'invalid', reason: SESSION_OVER.expired };
    }
    await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [row.id]);
    const next = await this.insert(manager, row.user_id, row.family_id, row.session_expires_at);
    return {
      kind: 'rotated',
      userId: row.user_id,
      sessionId: row.family_id,
      sessionExpiresAt: row.session_expires_at,
      token: next,
    };
  }

  /**
   * Ends one session: its refresh tokens die and its access tokens are refused from now on (the
   * guard reads `ended_at`). Returns its user, or null if there was no such live session.
   */
  async endSession(
    manager: EntityManager,
    sessionId: string,
    reason: SessionEnd,
  ): Promise<{ userId: string } | null> {
    const [row] = await queryRows<{ user_id: string }>(
      manager,
      `UPDATE auth_sessions SET ended_at = now(), end_reason = $2
       WHERE id = $1 AND ended_at IS NULL RETURNING user_id`,
      [sessionId, reason],
    );
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
    return row ? { userId: row.user_id } : null;
  }

  /** Ends every live session of a user (deactivation, new password). Returns how many. */
  async endAllForUser(manager: EntityManager, userId: string, reason: SessionEnd): Promise<number> {
    const [row] = (await manager.query(
      `WITH ended AS (UPDATE auth_sessions SET ended_at = now(), end_reason = $2
         WHERE user_id = $1 AND ended_at IS NULL RETURNING id),
       revoked AS (UPDATE refresh_tokens SET revoked_at = now()
         WHERE user_id = $1 AND revoked_at IS NULL)
       SELECT count(*)::int AS n FROM ended`,
      [userId, reason],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  private async insert(
    manager: EntityManager,
    userId: string,
    sessionId: string,
    sessionExpiresAt: Date,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const ttlEnd = Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000;
    const expiresAt = new Date(Math.min(ttlEnd, sessionExpiresAt.getTime()));
    await manager.query(
      'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)',
      [userId, sessionId, hashToken(token), expiresAt],
    );
    return token;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
