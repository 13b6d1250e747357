import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** What one limiter counts: `points` per `duration` seconds, under a name of its own. */
export interface RateLimitOptions {
  /** Short name of what is limited (`login`, `write`), part of every Redis key. */
  name: string;
  points: number;
  duration: number;
}

/**
 * A fixed-window limiter. With Redis, every api instance counts in the same keys, so N instances
 * give one allowance, not N; if Redis is not ready, the count falls back to this process's memory
 * rather than refusing every request or letting every request through. Without Redis the count is
 * kept in this process only (per instance: behind a load balancer a person gets up to N times the
 * allowance).
 */
export function createRateLimiter(
  redis: Redis | null,
  databaseUrl: string,
  options: RateLimitOptions,
): RateLimiterAbstract {
  const { name, points, duration } = options;
  const keyPrefix = `vigil:${deploymentKey(databaseUrl)}:${name}`;
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * Names one deployment in shared Redis keys: the instances of one Vigil share a database, and two
 * deployments (or two test runs) on one Redis must not spend each other's allowance. The address
 * is hashed so no host or database name is written to Redis; credentials are left out.
 */
export function deploymentKey(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return createHash('sha256')
    .update(`${url.hostname}:${url.port}${url.pathname}`)
    .digest('hex')
    .slice(0, 12);
}

/** The refusal a limiter raised, with whole seconds until the window opens again (at least 1). */
export function refusalOf(error: unknown): { retryAfterSeconds: number } | null {
  if (!(error instanceof RateLimiterRes)) return null;
  return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
}
