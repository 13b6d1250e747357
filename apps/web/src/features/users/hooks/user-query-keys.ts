/** Query keys for user data; invalidate `userKeys.all` after any change. */
export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', { q }] as const,
  /** Grants waiting for a second administrator (under `all`: a user change refreshes them). */
  pendingChanges: ['users', 'account-changes', 'pending'] as const,
};
