export * from './identity/roles.js';
export * from './abilities/subjects.js';
export * from './abilities/define-abilities.js';
export * from './audit/canonical-json.js';
export * from './errors.js';
export * from './workflow/index.js';
export * from './framework/index.js';
export * from './information/index.js';
