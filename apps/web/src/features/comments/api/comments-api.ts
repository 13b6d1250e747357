import type { ApiSchemas } from '@vigil/client';
import { api, optional, unwrap } from '../../../lib/api-client';

/** A comment as the api sends it; `bodyHtml` is already sanitised by the server. */
export type Comment = ApiSchemas['CommentResponse'];
/** Someone who wrote or may be mentioned in a thread. */
export type CommentAuthor = ApiSchemas['CommentPerson'];
export type NewComment = ApiSchemas['CreateCommentDto'];
export type CommentEdit = ApiSchemas['UpdateCommentDto'];
/** The two discussion threads of a case. */
export type Thread = Comment['thread'];

export const THREAD_LABELS: Record<Thread, string> = {
  internal: 'Internal',
  framework_team: 'Framework Team',
};

/** Every comment of a thread, oldest first (follows `nextCursor` to the end). */
export async function listComments(caseId: string, thread: Thread): Promise<Comment[]> {
  const comments: Comment[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const page: ApiSchemas['CommentPageResponse'] = await unwrap(
      api.GET('/api/cases/{id}/comments', {
        params: { path: { id: caseId }, query: { thread, cursor: optional(cursor), limit: 200 } },
      }),
    );
    comments.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return comments;
}

export function postComment(caseId: string, input: NewComment): Promise<Comment> {
  return unwrap(
    api.POST('/api/cases/{id}/comments', { params: { path: { id: caseId } }, body: input }),
  );
}

export function editComment(id: string, input: CommentEdit): Promise<Comment> {
  return unwrap(api.PATCH('/api/comments/{id}', { params: { path: { id } }, body: input }));
}

export function deleteComment(id: string): Promise<Comment> {
  return unwrap(api.DELETE('/api/comments/{id}', { params: { path: { id } } }));
}

/** Up to 20 people who may read the thread, matching `q`. */
export async function listMentionable(
  caseId: string,
  thread: Thread,
  q: string,
): Promise<CommentAuthor[]> {
  const page = await unwrap(
    api.GET('/api/cases/{id}/comments/mentionable', {
      params: { path: { id: caseId }, query: { thread, q: optional(q.trim()) } },
    }),
  );
  return page.items;
}
