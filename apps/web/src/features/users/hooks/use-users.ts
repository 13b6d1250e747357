import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listUsers } from '../api/users-api';
import { userKeys } from './user-query-keys';

const PAGE_SIZE = 50;

/** Keyset-paginated user search (`q`); previous results stay visible while a new search loads. */
export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ pageParam }) =>
      listUsers({ q: q || undefined, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
