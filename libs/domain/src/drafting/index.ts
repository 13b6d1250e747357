export * from './documents.js';
export * from './document-lifecycle.js';
