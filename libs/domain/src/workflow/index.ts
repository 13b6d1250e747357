export * from './stages.js';
export * from './config.js';
export * from './events.js';
export * from './rules.js';
export * from './machine.js';
export * from './persistence.js';
export * from './case-reference.js';
