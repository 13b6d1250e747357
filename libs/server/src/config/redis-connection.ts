import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from './app-config.js';

/**
 * The process's Redis connection when REDIS_URL is set (Socket.IO fan-out, shared rate limits),
 * else none: everything Redis does here has a PostgreSQL or in-process alternative.
 */
@Injectable()
export class RedisConnection implements OnModuleDestroy {
  readonly client: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = config.REDIS_URL
      ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 3 })
      : null;
  }

  /** A second connection (a subscriber cannot send other commands), closed with this one. */
  duplicate(): Redis | null {
    const copy = this.client?.duplicate() ?? null;
    if (copy) this.extra.push(copy);
    return copy;
  }

  private readonly extra: Redis[] = [];

  async onModuleDestroy(): Promise<void> {
    await Promise.all(
      [...this.extra, this.client].map((c) => c?.quit().catch(() => c.disconnect())),
    );
  }
}
