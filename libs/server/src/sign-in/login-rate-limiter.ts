import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../config/redis-connection.js';
import { createRateLimiter, refusalOf } from '../limits/rate-limiter.store.js';

/**
 * Limits sign-in attempts per client address and e-mail: slows password guessing against one
 * account without letting one noisy client lock out everyone behind the same address. Counted in
 * Redis when REDIS_URL is set, so several instances give one allowance, not one each.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisConnection) {
    this.limiter = createRateLimiter(redis.client, config.DATABASE_URL, {
      name: 'login',
      points: config.LOGIN_RATE_LIMIT,
      duration: config.LOGIN_RATE_WINDOW_SECONDS,
    });
  }

  /** Counts one attempt; throws a 429 once the window's allowance is spent. */
  async consume(ip: string, email: string): Promise<void> {
    try {
      await this.limiter.consume(`${ip}|${email.trim().toLowerCase()}`);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      throw new DomainError(
        'rate_limited',
        `Too many sign-in attempts. Try again in ${refusal.retryAfterSeconds} seconds.`,
        refusal,
      );
    }
  }
}
