import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  countItems,
  getFramework,
  getItem,
  listItems,
  searchCases,
  searchSources,
  type ItemFilters,
} from '../api/information-api';
import { informationKeys } from './information-query-keys';

/** Keyset-paged search results; earlier results stay visible while new filters load. */
export function useItemList(
  filters: ItemFilters,
  options: { limit?: number; enabled?: boolean } = {},
) {
  const limit = options.limit ?? 25;
  return useInfiniteQuery({
    queryKey: informationKeys.list(filters, limit),
    queryFn: ({ pageParam }) => listItems(filters, pageParam, limit),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useItemCount(filters: ItemFilters) {
  return useQuery({
    queryKey: informationKeys.count(filters),
    queryFn: () => countItems(filters),
    placeholderData: keepPreviousData,
  });
}

export function useItem(id: string) {
  return useQuery({ queryKey: informationKeys.detail(id), queryFn: () => getItem(id) });
}

/** The Framework of Analysis (14 factors and their indicators); it changes rarely. */
export function useFramework() {
  return useQuery({
    queryKey: informationKeys.framework,
    queryFn: getFramework,
    staleTime: Infinity,
  });
}

export function useSourceSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: informationKeys.sources(q),
    queryFn: () => searchSources(q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Situations the user may read, matching `q` (the most recent when empty). */
export function useCaseOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: informationKeys.caseOptions(q),
    queryFn: () => searchCases(q, q ? 20 : 100),
    placeholderData: keepPreviousData,
    enabled,
  });
}
