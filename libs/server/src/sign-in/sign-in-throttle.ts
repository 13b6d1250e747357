import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@vigil/domain';
import { isIPv4, isIPv6 } from 'node:net';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  claimAttempt,
  countFailure,
  forgetAddress,
  type LockTally,
  type ThrottleSettings,
} from '../auth/sign-in-throttle.store.js';

/**
 * The address sign-in failures are counted under: an IPv4 address as it is (an IPv4-mapped IPv6
 * address as its IPv4 form), an IPv6 address by its /64, which one host commonly holds whole, so
 * that neither delays nor the count of distinct addresses can be dodged by walking a /64.
 */
export function addressKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare.slice(0, 64);
  const [head = '', tail] = bare.toLowerCase().split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0');
  const all = [...before, ...zeros, ...after];
  return `${all
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Slows password guessing per (account, address) instead of locking the account: after
 * LOGIN_MAX_FAILURES failures from one address on one e-mail, that address waits before each
 * further attempt (LOGIN_DELAY_SECONDS, doubling up to LOGIN_DELAY_MAX_SECONDS), answered 429 with
 * Retry-After, while the right password from any other address still signs in. Counted in
 * PostgreSQL, so every api instance applies the same waits. Unknown e-mails are counted alike.
 */
@Injectable()
export class SignInThrottle {
  private readonly settings: ThrottleSettings;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.settings = {
      maxFailures: config.LOGIN_MAX_FAILURES,
      delaySeconds: config.LOGIN_DELAY_SECONDS,
      delayMaxSeconds: config.LOGIN_DELAY_MAX_SECONDS,
      windowMinutes: config.LOGIN_FAILURE_WINDOW_MINUTES,
    };
  }

  /** Claims an attempt from `ip` on `email`; a 429 with the wait while that address must wait. */
  async claim(email: string, ip: string): Promise<void> {
    const refusal = await claimAttempt(this.db.manager, email, addressKey(ip), this.settings);
    if (!refusal) return;
    const seconds = refusal.retryAfterSeconds;
    throw new DomainError(
      'rate_limited',
      `Too many failed sign-ins for this e-mail from your address. Try again in ${seconds} ${
        seconds === 1 ? 'second' : 'seconds'
      }.`,
      refusal,
    );
  }

  /** Counts a wrong password; returns the failures toward a hard lock across every address. */
  failed(email: string, ip: string): Promise<LockTally> {
    return countFailure(this.db.manager, email, addressKey(ip), this.settings.windowMinutes);
  }

  /** The right password from `ip`: that address starts afresh. */
  succeeded(email: string, ip: string): Promise<void> {
    return forgetAddress(this.db.manager, email, addressKey(ip));
  }
}
