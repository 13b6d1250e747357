import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getPrioritySituation,
  listCaseEndorsements,
  listPrioritySituations,
  saveEndorsement,
  setPriority,
  withdrawEndorsement,
} from '../api/priority-situations-api';

/** Query keys of the Framework Team's views; the live feed refreshes `detail(id)`. */
export const priorityKeys = {
  all: ['priority-situations'] as const,
  list: ['priority-situations', 'list'] as const,
  detail: (id: string) => ['priority-situations', 'detail', id] as const,
  caseEndorsements: (caseId: string) => ['cases', 'detail', caseId, 'endorsements'] as const,
};

export function usePrioritySituations() {
  return useInfiniteQuery({
    queryKey: priorityKeys.list,
    queryFn: ({ pageParam }) => listPrioritySituations(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePrioritySituation(id: string) {
  return useQuery({ queryKey: priorityKeys.detail(id), queryFn: () => getPrioritySituation(id) });
}

/** Save (create or change) and withdraw the user's endorsement. */
export function useEndorsement(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: priorityKeys.detail(id) });
  const save = useMutation({
    mutationFn: (note: string) => saveEndorsement(id, note),
    onSuccess: refresh,
  });
  const withdraw = useMutation({ mutationFn: () => withdrawEndorsement(id), onSuccess: refresh });
  return { save, withdraw };
}

/** The endorsements of a shared case (Office); `enabled` only once it is shared. */
export function useCaseEndorsements(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: priorityKeys.caseEndorsements(caseId),
    queryFn: () => listCaseEndorsements(caseId),
    enabled,
  });
}

/** An adviser shares the case with the Framework Team or stops sharing it. */
export function useSetPriority(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) => setPriority(caseId, shared),
    // The answer is the case itself: the page shows the new state before the refetch.
    onSuccess: (updated) => queryClient.setQueryData(['cases', 'detail', caseId], updated),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
        queryClient.invalidateQueries({ queryKey: priorityKeys.all }),
      ]),
  });
}
