import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  endSessionRow,
  endSessionsOfUser,
  insertRefreshToken,
  insertSession,
  lockRefreshToken,
  markRefreshTokenUsed,
  revokeSessionTokens,
  type SessionEnd,
} from './auth-sessions.store.js';

export type { SessionEnd };

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
    await insertSession(manager, sessionId, userId, sessionExpiresAt);
    const token = await this.insert(manager, userId, sessionId, sessionExpiresAt);
    return { sessionId, sessionExpiresAt, token };
  }

  /** Consumes `token` and, if it is current, issues its successor in the same session. */
  async rotate(manager: EntityManager, token: string): Promise<RefreshOutcome> {
    const row = await lockRefreshToken(manager, hashToken(token));
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
    await markRefreshTokenUsed(manager, row.id);
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
    const userId = await endSessionRow(manager, sessionId, reason);
    await revokeSessionTokens(manager, sessionId);
    return userId !== undefined ? { userId } : null;
  }

  /** Ends every live session of a user (deactivation, new password). Returns how many. */
  async endAllForUser(manager: EntityManager, userId: string, reason: SessionEnd): Promise<number> {
    return endSessionsOfUser(manager, userId, reason);
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
    await insertRefreshToken(manager, {
      userId,
      sessionId,
      tokenHash: hashToken(token),
      expiresAt,
    });
    return token;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
