import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listAuditEntries, type AuditFilters } from '../api/audit-api';

const PAGE_SIZE = 50;

/** Keyset-paginated audit entries matching `filters`. */
export function useAuditLog(filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ pageParam }) =>
      listAuditEntries({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
