export * from './recommendations.js';
export * from './engagements.js';
