export * from './creation-budgets.js';
export * from './limits.module.js';
export * from './rate-limiter.store.js';
export * from './write-rate-limiter.js';
export * from './write-rate-limit.guard.js';
