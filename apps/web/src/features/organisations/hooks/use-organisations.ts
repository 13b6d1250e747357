import { useInfiniteQuery } from '@tanstack/react-query';
import { listOrganisations } from '../api/organisations-api';
import { organisationKeys } from './organisation-query-keys';

const PAGE_SIZE = 50;

/** Keyset-paginated organisation list for the admin table. */
export function useOrganisations() {
  return useInfiniteQuery({
    queryKey: organisationKeys.list(),
    queryFn: ({ pageParam }) => listOrganisations({ cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
