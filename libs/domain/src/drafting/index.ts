export * from './documents.js';
export * from './document-lifecycle.js';
export * from './four-eyes.js';
export * from './document-bounds.js';
