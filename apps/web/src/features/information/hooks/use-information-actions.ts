import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createItem,
  createSource,
  downloadAttachment,
  exportItemsCsv,
  saveSpeechAssessment,
  updateItem,
  uploadAttachment,
  type Attachment,
  type CreateItemInput,
  type CreateSourceInput,
  type ItemFilters,
  type SpeechAssessmentInput,
  type UpdateItemInput,
} from '../api/information-api';
import { informationKeys } from './information-query-keys';

export function useCreateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateItemInput) => createItem(input),
    onSuccess: async (created) => {
      queryClient.setQueryData(informationKeys.detail(created.id), created);
      await queryClient.invalidateQueries({ queryKey: informationKeys.lists });
      await queryClient.invalidateQueries({ queryKey: informationKeys.counts });
    },
  });
}

/** Edits, speech assessments and attachments: the item, then the lists it appears in. */
function useItemChange<I, O>(id: string, mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: informationKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: informationKeys.lists });
    },
  });
}

/** An edit refreshes only once saved: after a refusal the form keeps the version it began from. */
export function useUpdateItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateItemInput) => updateItem(id, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(informationKeys.detail(id), saved);
      await queryClient.invalidateQueries({ queryKey: informationKeys.lists });
    },
  });
}

export function useSaveSpeechAssessment(id: string) {
  return useItemChange(id, (input: SpeechAssessmentInput) => saveSpeechAssessment(id, input));
}

export function useUploadAttachment(id: string) {
  return useItemChange(id, (file: File) => uploadAttachment(id, file));
}

export function useDownloadAttachment(itemId: string) {
  return useMutation({
    mutationFn: (attachment: Attachment) => downloadAttachment(itemId, attachment),
  });
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSourceInput) => createSource(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sources'] }),
  });
}

export function useExportCsv() {
  return useMutation({ mutationFn: (filters: ItemFilters) => exportItemsCsv(filters) });
}
