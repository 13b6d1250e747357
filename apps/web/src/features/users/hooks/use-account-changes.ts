import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../auth/hooks/use-me';
import {
  decideAccountChange,
  listPendingAccountChanges,
  type AccountChangeDecision,
} from '../api/users-api';
import { userKeys } from './user-query-keys';

/** Grants waiting for a second administrator, oldest first. */
export function usePendingAccountChanges() {
  return useInfiniteQuery({
    queryKey: userKeys.pendingChanges,
    queryFn: ({ pageParam }) => listPendingAccountChanges(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Confirms or rejects a pending grant; the user list and the pending list are refreshed. */
export function useDecideAccountChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: AccountChangeDecision }) =>
      decideAccountChange(id, decision),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
