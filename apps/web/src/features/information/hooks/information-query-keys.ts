import type { ItemFilters } from '../api/information-api';

/** Query keys of the precursor database; invalidate `informationKeys.all` after a change. */
export const informationKeys = {
  all: ['information'] as const,
  lists: ['information', 'list'] as const,
  list: (filters: ItemFilters, limit: number) => ['information', 'list', filters, limit] as const,
  counts: ['information', 'count'] as const,
  count: (filters: ItemFilters) => ['information', 'count', filters] as const,
  detail: (id: string) => ['information', 'detail', id] as const,
  sources: (q: string) => ['sources', q] as const,
  framework: ['framework'] as const,
  caseOptions: (q: string) => ['information', 'case-options', q] as const,
};
