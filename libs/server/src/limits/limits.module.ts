import { Module } from '@nestjs/common';
import { WriteRateLimiter } from './write-rate-limiter.js';

/** Per-person limits on HTTP requests; the api registers WriteRateLimitGuard globally. */
@Module({
  providers: [WriteRateLimiter],
  exports: [WriteRateLimiter],
})
export class LimitsModule {}
