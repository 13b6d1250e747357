import { Module } from '@nestjs/common';
import { CreationBudgets } from './creation-budgets.js';
import { WriteRateLimiter } from './write-rate-limiter.js';

/**
 * Per-person limits: on HTTP requests (the api registers WriteRateLimitGuard globally) and on
 * creations (CreationBudgets, spent by the creating services).
 */
@Module({
  providers: [WriteRateLimiter, CreationBudgets],
  exports: [WriteRateLimiter, CreationBudgets],
})
export class LimitsModule {}
