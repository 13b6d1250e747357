import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defineAbilitiesFor, DomainError, packAbilityRules } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UsersService } from '../users/users.service.js';
import { AccessTokenService } from '../auth/access-token.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import type { LoginDto } from './dto/login.dto.js';
import type { MeResponse, SessionResponse } from './dto/session.response.js';
import { PasswordService } from '../auth/password.service.js';
import { PreferencesService } from './preferences.service.js';
import {
  type IssuedSession,
  RefreshTokenService,
  SESSION_OVER,
} from '../auth/refresh-token.service.js';
import { AccessChanges } from '../authorization/access-changes.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { resetLockTally, type LockTally } from '../auth/sign-in-throttle.store.js';
import { credentialsOf, isUserActive, lockAccount } from './user-credentials.store.js';

/** A session handed out: the answer, and the refresh token that goes only into the cookie. */
export interface StartedSession {
  response: SessionResponse;
  refreshToken: string;
  sessionExpiresAt: Date;
}

const WRONG_CREDENTIALS = 'E-mail or password is wrong.';

/** Sign-in, session refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly preferences: PreferencesService,
    private readonly access: AccessChanges,
    private readonly throttle: SignInThrottle,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Checks credentials. Failures are audited and slow down the address that makes them, on that
   * e-mail only (SignInThrottle): the owner signs in from elsewhere meanwhile. Failures from many
   * addresses (LOGIN_LOCK_ADDRESSES, LOGIN_LOCK_FAILURES) lock the account for
   * LOGIN_LOCK_MINUTES, during which even the right password is refused, and tell its owner.
   */
  async login(context: RequestContext, dto: LoginDto): Promise<StartedSession> {
    const email = dto.email.trim().toLowerCase();
    await this.rateLimiter.consume(context.ip, email);
    const user = await credentialsOf(this.db, email);

    if (user?.locked_until && user.locked_until.getTime() > Date.now()) {
      await this.recordFailure(context, user.id, { email, reason: 'locked' });
      throw lockedError(user.locked_until);
    }
    // Known or not, the e-mail is throttled alike: the answers never say which exist.
    await this.throttle.claim(email, context.ip);
    const passwordRight = user
      ? await this.passwords.verify(user.password_hash, dto.password)
      : (await this.passwords.verifyNobody(dto.password), false);
    if (!user || !passwordRight) {
      const tally = await this.throttle.failed(email, context.ip);
      if (!user) {
        await this.recordFailure(context, null, { email, reason: 'unknown_email' });
        throw new DomainError('invalid_credentials', WRONG_CREDENTIALS);
      }
      const lockedUntil = await this.countFailure(context, user.id, email, tally);
      if (lockedUntil) throw lockedError(lockedUntil);
      throw new DomainError('invalid_credentials', WRONG_CREDENTIALS);
    }
    await this.throttle.succeeded(email, context.ip);
    if (!user.active) {
      await this.recordFailure(context, user.id, { email, reason: 'deactivated' });
      throw new DomainError(
        'invalid_credentials',
        'This account has been deactivated. Ask an administrator.',
      );
    }

    const session = await this.db.transaction(async (m) => {
      const issued = await this.refreshTokens.issue(m, user.id);
      this.audit.append(
        m,
        { ...context, actor: null },
        {
          action: 'auth.login',
          entity: 'user',
          entityId: user.id,
          diff: { email, sessionId: issued.sessionId },
        },
      );
      return issued;
    });
    return this.session(context, user.id, session);
  }

  /** Rotates a refresh token. A token used twice revokes its whole family. */
  async refresh(context: RequestContext, token: string | null): Promise<StartedSession> {
    if (!token) {
      throw new DomainError('unauthenticated', SESSION_OVER.expired);
    }
    const outcome = await this.db.transaction(async (m) => {
      const result = await this.refreshTokens.rotate(m, token);
      if (result.kind === 'reused') {
        this.audit.append(m, context, {
          action: 'auth.refresh_reuse_detected',
          entity: 'user',
          entityId: result.userId,
          diff: { sessionId: result.sessionId, sessionEnded: true },
        });
        await this.access.announce(m, { userId: result.userId });
      } else if (result.kind === 'rotated') {
        if (!(await isUserActive(m, result.userId)))
          return { kind: 'invalid' as const, reason: SESSION_OVER.deactivated };
        this.audit.append(m, context, {
          action: 'auth.refresh',
          entity: 'user',
          entityId: result.userId,
          diff: { sessionId: result.sessionId },
        });
      }
      return result;
    });
    if (outcome.kind === 'reused') {
      throw new DomainError(
        'unauthenticated',
        'This refresh token was already used, so every session started from it has been signed out. Sign in again.',
      );
    }
    if (outcome.kind === 'invalid') throw new DomainError('unauthenticated', outcome.reason);
    return this.session(context, outcome.userId, outcome);
  }

  /**
   * Ends the session of `accessToken` (a genuine one, even expired): its refresh tokens die, its
   * access tokens are refused from now on every instance, and its open sockets are closed.
   * Anything else is ignored (nothing to reveal).
   */
  async logout(context: RequestContext, accessToken: string | null): Promise<void> {
    const session = await this.accessTokens.sessionOf(accessToken);
    if (!session) return;
    await this.db.transaction(async (m) => {
      const ended = await this.refreshTokens.endSession(m, session.sessionId, 'signed_out');
      if (!ended) return;
      await this.access.announce(m, { userId: ended.userId });
      this.audit.append(
        m,
        { ...context, actor: null },
        {
          action: 'auth.logout',
          entity: 'user',
          entityId: ended.userId,
          diff: { sessionId: session.sessionId },
        },
      );
    });
  }

  /** The caller and the rules their browser should apply. */
  async me(context: RequestContext): Promise<MeResponse> {
    if (!context.actor) throw new DomainError('unauthenticated', 'Sign in first.');
    const user = await this.users.get(context, context.actor.id);
    const { emailNotifications } = await this.preferences.get(context.actor.id);
    return { user, rules: packAbilityRules(context.ability), emailNotifications };
  }

  private async session(
    context: RequestContext,
    userId: string,
    issued: IssuedSession,
  ): Promise<StartedSession> {
    const accessToken = await this.accessTokens.sign(
      userId,
      issued.sessionId,
      issued.sessionExpiresAt,
    );
    const actor = await this.accessTokens.loadActor(userId);
    const user = await this.users.get(
      { ...context, actor, ability: defineAbilitiesFor({ ...actor, active: true }) },
      userId,
    );
    const untilEnd = Math.floor((issued.sessionExpiresAt.getTime() - Date.now()) / 1000);
    return {
      response: {
        accessToken,
        expiresIn: Math.max(1, Math.min(this.config.ACCESS_TOKEN_TTL_SECONDS, untilEnd)),
        sessionExpiresAt: issued.sessionExpiresAt.toISOString(),
        user,
      },
      refreshToken: issued.token,
      sessionExpiresAt: issued.sessionExpiresAt,
    };
  }

  /**
   * Audits a wrong password; when failures from enough addresses have added up, locks the account
   * (once: a lock in force is not extended), starts the count afresh and tells the owner (in the
   * app and by e-mail, whatever their e-mail setting). Returns the lock's end if this failure
   * locked it.
   */
  private async countFailure(
    context: RequestContext,
    userId: string,
    email: string,
    tally: LockTally,
  ): Promise<Date | null> {
    const lockDue =
      tally.addresses >= this.config.LOGIN_LOCK_ADDRESSES &&
      tally.failures >= this.config.LOGIN_LOCK_FAILURES;
    return this.db.transaction(async (m) => {
      this.audit.append(
        m,
        { ...context, actor: null },
        {
          action: 'auth.login_failed',
          entity: 'user',
          entityId: userId,
          diff: { email, reason: 'wrong_password' },
        },
      );
      if (!lockDue) return null;
      const until = await lockAccount(m, userId, this.config.LOGIN_LOCK_MINUTES);
      if (!until) return null;
      await resetLockTally(m, email);
      this.audit.append(
        m,
        { ...context, actor: null },
        {
          action: 'auth.account_locked',
          entity: 'user',
          entityId: userId,
          diff: {
            until: until.toISOString(),
            addresses: tally.addresses,
            failures: tally.failures,
          },
        },
      );
      await this.notifications.notify(m, {
        userIds: [userId],
        type: 'account.locked',
        caseId: null,
        payload: { until: until.toISOString(), addresses: tally.addresses },
        dedupeKey: `account.locked:${until.toISOString()}`,
      });
      return until;
    });
  }

  private async recordFailure(
    context: RequestContext,
    userId: string | null,
    diff: { email: string; reason: string },
  ) {
    await this.db.transaction(async (m) => {
      this.audit.append(
        m,
        { ...context, actor: null },
        { action: 'auth.login_failed', entity: 'user', entityId: userId, diff },
      );
    });
  }
}

function lockedError(until: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new DomainError(
    'account_locked',
    `This account is locked after too many failed sign-ins from many addresses. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to lift the lock.`,
    { lockedUntil: until.toISOString() },
  );
}
