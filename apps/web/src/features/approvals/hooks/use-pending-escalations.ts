import { useInfiniteQuery } from '@tanstack/react-query';
import { listPendingEscalations } from '../../situations/api/cases-api';
import { caseKeys } from '../../situations/hooks/case-query-keys';

/** Pending proposals on readable cases, oldest first. */
export function usePendingEscalations() {
  return useInfiniteQuery({
    queryKey: caseKeys.pendingEscalations,
    queryFn: ({ pageParam }) => listPendingEscalations(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
