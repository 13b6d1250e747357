export * from './feed.js';
export * from './comments.js';
export * from './notifications.js';
export * from './socket-events.js';
