export * from './catalogue.js';
export * from './crime-types.js';
export * from './risk-scoring.js';
export * from './grading.js';
export * from './rabat.js';
