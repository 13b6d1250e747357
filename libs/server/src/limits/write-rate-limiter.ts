import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../config/redis-connection.js';
import { createRateLimiter, refusalOf } from './rate-limiter.store.js';

/**
 * Limits the changes one person makes: WRITE_RATE_LIMIT writes per WRITE_RATE_WINDOW_SECONDS,
 * counted by user id, shared by every instance through Redis when REDIS_URL is set (otherwise
 * counted per instance). Keeps one runaway script or stolen token from flooding cases, audit and
 * notifications.
 */
@Injectable()
export class WriteRateLimiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly points: number;
  private readonly window: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisConnection) {
    this.points = config.WRITE_RATE_LIMIT;
    this.window = config.WRITE_RATE_WINDOW_SECONDS;
    this.limiter = createRateLimiter(redis.client, config.DATABASE_URL, {
      name: 'write',
      points: this.points,
      duration: this.window,
    });
  }

  /** Counts one write by `userId`; throws a 429 once the window's allowance is spent. */
  async consume(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const seconds = refusal.retryAfterSeconds;
      throw new DomainError(
        'rate_limited',
        `Too many changes in a short time (at most ${this.points} in ${this.window} seconds). ` +
          `Nothing was saved. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
        refusal,
      );
    }
  }
}
