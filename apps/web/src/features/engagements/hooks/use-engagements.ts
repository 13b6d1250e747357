import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../situations/hooks/case-query-keys';
import {
  createEngagement,
  listEngagements,
  updateEngagement,
  type EngagementChange,
  type NewEngagement,
} from '../api/engagements-api';

/** A case's engagements sit under the case's detail key (refreshed with the case room). */
export const engagementKeys = {
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'engagements'] as const,
};

export function useEngagements(caseId: string) {
  return useQuery({
    queryKey: engagementKeys.ofCase(caseId),
    queryFn: () => listEngagements(caseId),
    select: (page) => page.items,
  });
}

/** Record and update; both refresh the case (its overdue follow-ups count changes). */
export function useEngagementActions(caseId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  const create = useMutation({
    mutationFn: (input: NewEngagement) => createEngagement(caseId, input),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: (input: { id: string; change: EngagementChange }) =>
      updateEngagement(input.id, input.change),
    onSuccess: refresh,
  });
  return { create, update };
}
