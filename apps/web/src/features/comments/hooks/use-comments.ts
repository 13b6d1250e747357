import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteComment,
  editComment,
  listComments,
  listMentionable,
  postComment,
  type NewComment,
  type Thread,
} from '../api/comments-api';
import { commentKeys } from './comment-query-keys';

export function useComments(caseId: string, thread: Thread) {
  return useQuery({
    queryKey: commentKeys.thread(caseId, thread),
    queryFn: () => listComments(caseId, thread),
  });
}

/** People who may be mentioned in the thread; asked only while the picker is open. */
export function useMentionable(caseId: string, thread: Thread, q: string, enabled: boolean) {
  return useQuery({
    queryKey: commentKeys.mentionable(caseId, thread, q),
    queryFn: () => listMentionable(caseId, thread, q),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Post, edit and delete; each refreshes the thread (the live feed does so for others). */
export function useCommentActions(caseId: string, thread: Thread) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentKeys.ofCase(caseId) });
  const post = useMutation({
    mutationFn: (input: Omit<NewComment, 'thread'>) => postComment(caseId, { ...input, thread }),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: (input: { id: string; body: string; mentions?: string[] }) =>
      editComment(input.id, { body: input.body, mentions: input.mentions }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteComment(id),
    onSuccess: refresh,
  });
  return { post, edit, remove };
}
