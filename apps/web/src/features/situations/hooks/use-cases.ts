import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  caseStats,
  getCase,
  getEscalation,
  getWorkflow,
  listAllEvents,
  listCases,
  listCountries,
  listMemberCandidates,
  listMembers,
  type CaseFilters,
  type CaseListParams,
} from '../api/cases-api';
import { caseKeys } from './case-query-keys';

/** Keyset-paginated situations; previous results stay visible while new filters load. */
export function useCaseList(params: CaseListParams) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ pageParam }) => listCases(params, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCaseStats(filters: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.stats(filters),
    queryFn: () => caseStats(filters),
    placeholderData: keepPreviousData,
  });
}

export function useCountries() {
  return useQuery({ queryKey: caseKeys.countries, queryFn: listCountries, staleTime: Infinity });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => getCase(id) });
}

export function useCaseMembers(id: string) {
  return useQuery({ queryKey: caseKeys.members(id), queryFn: () => listMembers(id) });
}

/** People who could be added, for those who may manage the members (`enabled`). */
export function useMemberCandidates(id: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.memberCandidates(id, q),
    queryFn: () => listMemberCandidates(id, q),
    enabled,
    placeholderData: keepPreviousData,
    // 403 and 404 will not change on a retry.
    retry: false,
  });
}

export function useWorkflow(id: string) {
  return useQuery({ queryKey: caseKeys.workflow(id), queryFn: () => getWorkflow(id) });
}

export function useCaseEvents(id: string) {
  return useQuery({ queryKey: caseKeys.events(id), queryFn: () => listAllEvents(id) });
}

export function useEscalation(id: string | null) {
  return useQuery({
    queryKey: caseKeys.escalation(id ?? 'none'),
    queryFn: () => getEscalation(id ?? ''),
    enabled: id !== null,
  });
}
