import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  addMember,
  createCase,
  decideEscalation,
  proposeMove,
  recordReview,
  removeMember,
  reopenCase,
  updateCase,
  type AddMemberInput,
  type CreateCaseInput,
  type Decision,
  type UpdateCaseInput,
} from '../api/cases-api';
import type { Stage } from '@vigil/domain';
import { caseKeys } from './case-query-keys';

/** After a workflow action: the case, its workflow and timeline, lists, counts and the inbox. */
export async function refreshAfterWorkflow(queryClient: QueryClient, caseId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'stats'] }),
    queryClient.invalidateQueries({ queryKey: caseKeys.escalations }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => createCase(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export function useUpdateCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCaseInput) => updateCase(id, input),
    onSuccess: async (updated) => {
      queryClient.setQueryData(caseKeys.detail(id), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
      ]);
    },
  });
}

export type WorkflowAction =
  | { kind: 'propose'; toStage: Stage; justification: string }
  | { kind: 'review'; note: string }
  | { kind: 'reopen'; note: string }
  | { kind: 'decide'; escalationId: string; decision: Decision; note: string };

/** Every workflow action of a case page; refreshes what it changes. */
export function useWorkflowAction(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: WorkflowAction): Promise<void> => {
      switch (action.kind) {
        case 'propose':
          await proposeMove(caseId, {
            toStage: action.toStage,
            justification: action.justification,
          });
          return;
        case 'review':
          await recordReview(caseId, action.note);
          return;
        case 'reopen':
          await reopenCase(caseId, action.note);
          return;
        case 'decide':
          await decideEscalation(action.escalationId, action.decision, action.note);
          return;
      }
    },
    onSettled: () => refreshAfterWorkflow(queryClient, caseId),
  });
}

/** Approve / reject from the approvals inbox. */
export function useDecideEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      escalationId: string;
      caseId: string;
      decision: Decision;
      note: string;
    }) => decideEscalation(input.escalationId, input.decision, input.note),
    onSettled: (_data, _error, input) => refreshAfterWorkflow(queryClient, input.caseId),
  });
}

/** After a change of members: the case (its members, timeline, candidates) and the lists. */
async function refreshAfterMembers(queryClient: QueryClient, caseId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.members(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
  ]);
}

export function useAddMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) => addMember(caseId, input),
    onSuccess: (members) => {
      queryClient.setQueryData(caseKeys.members(caseId), members);
    },
    onSettled: () => refreshAfterMembers(queryClient, caseId),
  });
}

export function useRemoveMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(caseId, userId),
    onSettled: () => refreshAfterMembers(queryClient, caseId),
  });
}
