/** Query keys for user data; invalidate `userKeys.all` after any change. */
export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', { q }] as const,
};
