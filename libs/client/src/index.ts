export * from './client.js';
export type { paths, components } from './generated/api-types.js';
export * from './realtime.js';
export * from './document-provider.js';
