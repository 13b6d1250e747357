import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createAssessment,
  finaliseAssessment,
  supersedeAssessment,
  updateAssessment,
  type Assessment,
  type CreateAssessmentInput,
  type UpdateAssessmentInput,
} from '../api/assessments-api';
import { assessmentKeys } from './assessment-query-keys';

/** After any change: the assessment, its case's history, the case (risk level), the heat map. */
async function refreshAfter(queryClient: QueryClient, saved: Assessment) {
  queryClient.setQueryData(assessmentKeys.detail(saved.id), saved);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: assessmentKeys.ofCase(saved.caseId) }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'detail', saved.caseId] }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['risk'] }),
  ]);
}

export function useCreateAssessment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAssessmentInput) => createAssessment(caseId, input),
    onSuccess: (saved) => refreshAfter(queryClient, saved),
  });
}

export function useUpdateAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAssessmentInput) => updateAssessment(id, input),
    onSuccess: (saved) => refreshAfter(queryClient, saved),
  });
}

export function useFinaliseAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => finaliseAssessment(id, version),
    onSuccess: (saved) => refreshAfter(queryClient, saved),
  });
}

export function useSupersedeAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => supersedeAssessment(id),
    onSuccess: async (draft) => {
      await refreshAfter(queryClient, draft);
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(id) });
    },
  });
}
