import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Limits sign-in attempts per client address and e-mail: slows password guessing against one
 * account without letting one noisy client lock out everyone behind the same address.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiterMemory({
      points: config.LOGIN_RATE_LIMIT,
      duration: config.LOGIN_RATE_WINDOW_SECONDS,
    });
  }

  /** Counts one attempt; throws a 429 once the window's allowance is spent. */
  async consume(ip: string, email: string): Promise<void> {
    try {
      await this.limiter.consume(`${ip}|${email.trim().toLowerCase()}`);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError(
        'rate_limited',
        `Too many sign-in attempts. Try again in ${seconds} seconds.`,
        {
          retryAfterSeconds: seconds,
        },
      );
    }
  }
}
