import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../situations/hooks/case-query-keys';
import {
  createRecommendation,
  decideRecommendation,
  getRecommendation,
  listRecommendations,
  type NewRecommendation,
  type RecommendationAction,
} from '../api/recommendations-api';
import { recommendationKeys } from './recommendation-query-keys';

export function useRecommendations(caseId: string) {
  return useQuery({
    queryKey: recommendationKeys.ofCase(caseId),
    queryFn: () => listRecommendations(caseId),
    select: (page) => page.items,
  });
}

/** One recommendation with its history; asked only while its row is expanded. */
export function useRecommendationDetail(caseId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: recommendationKeys.detail(caseId, id),
    queryFn: () => getRecommendation(id),
    enabled,
  });
}

/** Create and decide; both refresh the register and the case (its workflow may move on). */
export function useRecommendationActions(caseId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  const create = useMutation({
    mutationFn: (input: NewRecommendation) => createRecommendation(caseId, input),
    onSuccess: refresh,
  });
  const decide = useMutation({
    mutationFn: (input: { id: string; action: RecommendationAction; note: string }) =>
      decideRecommendation(input.id, input.action, input.note),
    onSuccess: refresh,
  });
  return { create, decide };
}
