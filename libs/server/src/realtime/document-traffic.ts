import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../config/redis-connection.js';
import { createRateLimiter, refusalOf } from '../limits/rate-limiter.store.js';

/** What one socket message costs: who sent it, on which socket, how many bytes. */
export interface Sender {
  userId: string;
  socketId: string;
}

/**
 * Limits on collaborative drafting traffic (issue 15): per person (shared by every instance
 * through Redis when REDIS_URL is set, like the HTTP write limit) and per socket, the number of
 * `doc:sync` messages and their bytes, and the number of `doc:awareness` messages, in a window of
 * DOC_TRAFFIC_WINDOW_SECONDS. Far above what people typing and pasting send; a script streaming
 * updates is refused within the window, its updates neither stored nor broadcast.
 */
@Injectable()
export class DocumentTraffic {
  private readonly syncMessages: RateLimiterAbstract;
  private readonly syncBytes: RateLimiterAbstract;
  private readonly awarenessMessages: RateLimiterAbstract;
  private readonly perSocket: {
    syncMessages: RateLimiterAbstract;
    syncBytes: RateLimiterAbstract;
    awarenessMessages: RateLimiterAbstract;
  };

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisConnection) {
    const duration = config.DOC_TRAFFIC_WINDOW_SECONDS;
    const limiter = (name: string, points: number, shared: boolean) =>
      createRateLimiter(shared ? redis.client : null, config.DATABASE_URL, {
        name,
        points,
        duration,
      });
    this.syncMessages = limiter('doc-sync', config.DOC_SYNC_MESSAGES_PER_WINDOW, true);
    this.syncBytes = limiter('doc-sync-bytes', config.DOC_SYNC_BYTES_PER_WINDOW, true);
    this.awarenessMessages = limiter('doc-awareness', config.DOC_AWARENESS_PER_WINDOW, true);
    // A socket lives on one instance: its own count needs no sharing.
    this.perSocket = {
      syncMessages: limiter('doc-sync-socket', config.DOC_SYNC_MESSAGES_PER_WINDOW, false),
      syncBytes: limiter('doc-sync-bytes-socket', config.DOC_SYNC_BYTES_PER_WINDOW, false),
      awarenessMessages: limiter('doc-awareness-socket', config.DOC_AWARENESS_PER_WINDOW, false),
    };
  }

  /** Counts a `doc:sync` message of `bytes`; the refusal in words, or null when admitted. */
  async admitSync(sender: Sender, bytes: number): Promise<string | null> {
    return this.admit([
      [this.perSocket.syncMessages, sender.socketId, 1],
      [this.perSocket.syncBytes, sender.socketId, bytes],
      [this.syncMessages, sender.userId, 1],
      [this.syncBytes, sender.userId, bytes],
    ]);
  }

  /** Counts a `doc:awareness` message; the refusal in words, or null when admitted. */
  async admitAwareness(sender: Sender): Promise<string | null> {
    return this.admit([
      [this.perSocket.awarenessMessages, sender.socketId, 1],
      [this.awarenessMessages, sender.userId, 1],
    ]);
  }

  /** Consumes every count at once (the shared ones are Redis round trips: one wait, not several). */
  private async admit(counts: [RateLimiterAbstract, string, number][]): Promise<string | null> {
    const results = await Promise.allSettled(
      counts.map(([limiter, key, points]) => limiter.consume(key, Math.max(1, points))),
    );
    let wait = 0;
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      const refusal = refusalOf(result.reason);
      if (!refusal) throw result.reason;
      wait = Math.max(wait, refusal.retryAfterSeconds);
    }
    if (wait === 0) return null;
    return `Too many changes in a short time: this one was not saved. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`;
  }
}
