import type { CaseFilters, CaseListParams } from '../api/cases-api';

/** Query keys for cases; invalidate `caseKeys.all` after a change that may touch lists and counts. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (params: CaseListParams) => ['cases', 'list', params] as const,
  stats: (filters: CaseFilters) => ['cases', 'stats', filters] as const,
  countries: ['countries'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  members: (id: string) => ['cases', 'detail', id, 'members'] as const,
  memberCandidates: (id: string, q: string) =>
    ['cases', 'detail', id, 'member-candidates', q] as const,
  workflow: (id: string) => ['cases', 'detail', id, 'workflow'] as const,
  events: (id: string) => ['cases', 'detail', id, 'events'] as const,
  escalations: ['escalations'] as const,
  escalation: (id: string) => ['escalations', 'detail', id] as const,
  pendingEscalations: ['escalations', 'pending'] as const,
};
