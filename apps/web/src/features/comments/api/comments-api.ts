import { requestJson } from '../../../lib/api-client';

/** The two discussion threads of a case. */
export type Thread = 'internal' | 'framework_team';

export const THREAD_LABELS: Record<Thread, string> = {
  internal: 'Internal',
  framework_team: 'Framework Team',
};

/** Someone who wrote or may be mentioned in a thread. */
export interface CommentAuthor {
  id: string;
  displayName: string;
  organisationAcronym: string;
}

/** A comment as the api sends it; `bodyHtml` is already sanitised by the server. */
export interface Comment {
  id: string;
  caseId: string;
  thread: Thread;
  parentId: string | null;
  author: CommentAuthor;
  body: string;
  bodyHtml: string;
  mentions: { id: string; displayName: string }[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  deleted: boolean;
}

export interface CommentPage {
  items: Comment[];
  nextCursor: string | null;
}

export interface NewComment {
  thread: Thread;
  body: string;
  parentId?: string;
  mentions?: string[];
}

/** Every comment of a thread, oldest first (follows `nextCursor` to the end). */
export async function listComments(caseId: string, thread: Thread): Promise<Comment[]> {
  const comments: Comment[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await requestJson<CommentPage>('GET', `/api/cases/${caseId}/comments`, {
      query: { thread, cursor, limit: '100' },
    });
    comments.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return comments;
}

export function postComment(caseId: string, input: NewComment): Promise<Comment> {
  return requestJson<Comment>('POST', `/api/cases/${caseId}/comments`, { body: input });
}

export function editComment(id: string, input: { body: string; mentions?: string[] }) {
  return requestJson<Comment>('PATCH', `/api/comments/${id}`, { body: input });
}

export function deleteComment(id: string): Promise<Comment> {
  return requestJson<Comment>('DELETE', `/api/comments/${id}`);
}

/** Up to a page of people who may read the thread, matching `q`. */
export async function listMentionable(
  caseId: string,
  thread: Thread,
  q: string,
): Promise<CommentAuthor[]> {
  const page = await requestJson<{ items: CommentAuthor[] }>(
    'GET',
    `/api/cases/${caseId}/comments/mentionable`,
    { query: { thread, q: q.trim() || undefined } },
  );
  return page.items;
}
