import type { Thread } from '../api/comments-api';

/** Query keys of comments; the live feed refreshes `commentKeys.ofCase(caseId)`. */
export const commentKeys = {
  ofCase: (caseId: string) => ['comments', caseId] as const,
  thread: (caseId: string, thread: Thread) => ['comments', caseId, thread] as const,
  mentionable: (caseId: string, thread: Thread, q: string) =>
    ['comments', caseId, thread, 'mentionable', q] as const,
};
