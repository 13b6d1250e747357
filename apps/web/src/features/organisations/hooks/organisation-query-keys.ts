/** Query keys for organisation data; invalidate `organisationKeys.all` after any change. */
export const organisationKeys = {
  all: ['organisations'] as const,
  list: () => ['organisations', 'list'] as const,
  options: () => ['organisations', 'options'] as const,
};
