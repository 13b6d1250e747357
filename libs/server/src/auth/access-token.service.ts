import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type SessionEndReason } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { isUuid } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Actor } from '../common/request-context.js';
import { actorWithSession } from './auth-sessions.store.js';

interface AccessClaims {
  sub: string;
  typ: 'access';
  /** The session (sign-in) the token belongs to; ending it refuses the token at once. */
  sid: string;
  exp: number;
}

/** The person behind a socket's session now, or why that session is over. */
export type SessionState =
  | { actor: Actor }
  /** `invalid`: no such user, or a malformed id (the token was never good). */
  | { ended: SessionEndReason; invalid?: boolean };

/** Who presented a valid access token, and which session and expiry it carries. */
export interface AuthenticatedToken {
  actor: Actor;
  sessionId: string;
  /** When the token expires (ms since the epoch). */
  expiresAt: number;
}

const INVALID = 'The access token is not valid.';

/**
 * Signs short-lived access tokens bound to a session and turns a presented one back into the
 * current Actor: the user row and the session's end are read on every use, so deactivation,
 * role changes and sign-out apply to the next request on every instance.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A token for `userId` in `sessionId`, expiring at the TTL or the session's end if sooner. */
  sign(userId: string, sessionId: string, sessionExpiresAt: Date): Promise<string> {
    const ttlSeconds = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const untilSessionEnd = Math.floor((sessionExpiresAt.getTime() - Date.now()) / 1000);
    const expiresIn = Math.max(1, Math.min(ttlSeconds, untilSessionEnd));
    return this.jwt.signAsync({ sub: userId, typ: 'access', sid: sessionId }, { expiresIn });
  }

  /** Verifies the token and loads the user as they are now; an ended session is refused. */
  async authenticate(token: string | null): Promise<AuthenticatedToken> {
    const claims = await this.verify(token, false);
    const actor = await this.loadActor(claims.sub, claims.sid);
    return { actor, sessionId: claims.sid, expiresAt: claims.exp * 1000 };
  }

  /**
   * The session a genuine token belongs to, even an expired one (sign-out must work after the
   * access token lapsed). Null for anything not signed by us.
   */
  async sessionOf(token: string | null): Promise<{ userId: string; sessionId: string } | null> {
    try {
      const claims = await this.verify(token, true);
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      return null;
    }
  }

  /**
   * The user as they are now; refuses unknown and deactivated accounts and, given a session,
   * a session that has ended (signed out elsewhere, revoked) or passed its absolute end.
   */
  async loadActor(userId: string, sessionId?: string): Promise<Actor> {
    const state = await this.sessionState(userId, sessionId);
    if ('actor' in state) return state.actor;
    throw new DomainError(
      'unauthenticated',
      state.invalid
        ? INVALID
        : state.ended === 'deactivated'
          ? 'This account has been deactivated.'
          : 'This session has ended: sign in again.',
    );
  }

  /**
   * One read of the user row and (given one) the session: who they are now, or why the
   * session is over. An unknown user or a session that is not theirs reads as ended.
   */
  async sessionState(userId: string, sessionId?: string): Promise<SessionState> {
    if (!isUuid(userId) || (sessionId !== undefined && !isUuid(sessionId))) {
      return { ended: 'session_ended', invalid: true };
    }
    const row = await actorWithSession(this.db, userId, sessionId ?? null);
    if (!row) return { ended: 'session_ended', invalid: true };
    if (!row.active) return { ended: 'deactivated' };
    if (sessionId !== undefined && row.session_state !== 'live') {
      const state = row.session_state;
      return {
        ended:
          state === 'signed_out' || state === 'deactivated' || state === 'expired'
            ? state
            : 'session_ended',
      };
    }
    return {
      actor: {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        roles: row.roles,
        clearance: row.clearance,
        organisationId: row.organisation_id,
      },
    };
  }

  private async verify(token: string | null, ignoreExpiration: boolean): Promise<AccessClaims> {
    if (!token)
      throw new DomainError('unauthenticated', 'Sign in first: this needs an access token.');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
        ignoreExpiration,
      });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new DomainError(
        'unauthenticated',
        expired ? 'Your session has expired: refresh it or sign in again.' : INVALID,
      );
    }
    if (
      claims.typ !== 'access' ||
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      typeof claims.exp !== 'number'
    ) {
      throw new DomainError('unauthenticated', INVALID);
    }
    return claims;
  }
}
