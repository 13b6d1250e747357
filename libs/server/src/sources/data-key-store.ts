// The landed migration 1796660517192-encrypt-source-identities imports this path; a landed
// migration is never rewritten, so the store's old name stays as a re-export.
export * from './data-key.store.js';
