import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createDocument,
  createRevision,
  getDiff,
  getDocument,
  listDocuments,
  listVersions,
  saveVersion,
  takeStep,
  verifyDocument,
  type DocumentStep,
  type NewDocument,
  type StepInput,
} from '../api/documents-api';
import { documentKeys } from './document-query-keys';

export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: documentKeys.ofCase(caseId),
    queryFn: () => listDocuments(caseId),
    select: (page) => page.items,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: () => getDocument(id),
    retry: false,
  });
}

export function useDocumentVersions(id: string) {
  return useQuery({ queryKey: documentKeys.versions(id), queryFn: () => listVersions(id) });
}

/** The diff between two versions; waits until both are chosen and differ. */
export function useDocumentDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: documentKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: () => getDiff(id, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

export function useCreateDocument(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewDocument) => createDocument(caseId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.ofCase(caseId) }),
  });
}

/**
 * Save version, the review steps and a new revision. `beforeFreeze` waits until the server has
 * stored every local edit, so the frozen text is the one on screen.
 */
export function useDocumentActions(id: string, caseId: string, beforeFreeze: () => Promise<void>) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: documentKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: documentKeys.ofCase(caseId) }),
    ]);
  };
  const save = useMutation({
    mutationFn: async () => {
      await beforeFreeze();
      return saveVersion(id);
    },
    onSuccess: refresh,
  });
  const step = useMutation({
    mutationFn: async (input: { step: DocumentStep } & StepInput) => {
      const { step: which, ...body } = input;
      if (which === 'submit') await beforeFreeze();
      return takeStep(id, which, body);
    },
    onSuccess: refresh,
  });
  const revise = useMutation({
    mutationFn: () => createRevision(id),
    onSuccess: refresh,
  });
  return { save, step, revise };
}

export function useVerifyDocument(id: string) {
  return useMutation({ mutationFn: () => verifyDocument(id) });
}
